package io.flowgate.gateway.pipeline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Unicode's table of well-formed UTF-8 byte sequences, row by row: what passes, and where the rest is refused. */
class WellFormedUtf8Test {

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            ''                  | -1 | nothing
            2f61                | -1 | ASCII
            c3a9                | -1 | é (U+00E9)
            e282ac              | -1 | € (U+20AC)
            ed9fbf              | -1 | U+D7FF, just below the surrogates
            ee8080              | -1 | U+E000, just above them
            f09f9880            | -1 | U+1F600
            f48fbfbf            | -1 | U+10FFFF, the last code point
            c0af                |  0 | overlong '/' in two bytes
            c1bf                |  0 | overlong, C1 lead
            e080af              |  0 | overlong '/' in three bytes
            e09fbf              |  0 | overlong U+07FF in three bytes
            f08080af            |  0 | overlong '/' in four bytes
            f08fbfbf            |  0 | overlong U+FFFF in four bytes
            eda080              |  0 | UTF-16 high surrogate D800
            edbfbf              |  0 | UTF-16 low surrogate DFFF
            f4908080            |  0 | above U+10FFFF
            f5808080            |  0 | F5 lead, beyond Unicode
            ff                  |  0 | FF, never in UTF-8
            80                  |  0 | a continuation byte without a lead
            61c3                |  1 | truncated at the end
            61e282              |  1 | truncated three-byte sequence
            e22f82              |  0 | second byte not a continuation
            e2822f              |  0 | third byte not a continuation
            612f62c0af63        |  3 | the offset of the first bad byte
            """)
    void findsTheFirstIllFormedSequence(String hex, int offset, String what) {
        assertThat(WellFormedUtf8.firstMalformed(HexFormat.of().parseHex(hex))).as(what).isEqualTo(offset);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /a/b         | 2f612f62
            /a%2Fb       | 2f612f62
            %C0%AF       | c0af
            %c0%af       | c0af
            a+b          | 612b62
            é            | e9
            €            | e282ac
            """)
    void percentDecodesAUriComponentByteForByte(String component, String hex) {
        assertThat(HexFormat.of().formatHex(WellFormedUtf8.percentDecoded(component))).isEqualTo(hex);
    }

    @ParameterizedTest
    @CsvSource({"%", "%4", "%zz", "a%2"})
    void leavesABrokenPercentEscapeToWhoeverDecodesIt(String component) {
        assertThat(WellFormedUtf8.percentDecoded(component)).isNull();
    }
}
