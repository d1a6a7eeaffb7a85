package io.flowgate.gateway.authz;

import io.flowgate.gateway.authz.internal.DefaultGrants;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A tenant admin's {@code PUT /admin/policies} replaces its own domain's stored grants only — computed against what
 * is stored, not against what this node last saw, so another node's changes to other domains survive it.
 */
class DomainGrantsTest {

    private final JdbcDataSource database = database();
    // two nodes on one database: the second read the grants before the first changed them
    private final DefaultGrants otherNode = DefaultGrants.create(database, AuthzSettings.defaults());
    private final DefaultGrants thisNode = DefaultGrants.create(database, AuthzSettings.defaults());

    @Test
    void replacesOneDomainAndKeepsEveryOtherAsStoredByAnyNode() {
        otherNode.replace(List.of(new Grant("ann", "auditor", "bistro"), new Grant("dan", "auditor", "diner"),
                new Grant("role:lead", "auditor", "*")));
        long before = thisNode.generation();

        thisNode.replaceDomain("bistro", List.of(new Grant("bea", "finance", "bistro")));

        List<Grant> expected = List.of(new Grant("role:lead", "auditor", "*"), new Grant("bea", "finance", "bistro"),
                new Grant("dan", "auditor", "diner"));
        assertThat(thisNode.stored()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(DefaultGrants.create(database, AuthzSettings.defaults()).stored())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(thisNode.generation()).isGreaterThan(before);
    }

    @Test
    void refusesAGrantOfAnotherDomainOrAnInvalidOneAndWritesNothing() {
        thisNode.replace(List.of(new Grant("ann", "auditor", "bistro")));

        assertThatThrownBy(() -> thisNode.replaceDomain("bistro", List.of(new Grant("bea", "finance", "bistro"),
                new Grant("bea", "admin", "*")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> thisNode.replaceDomain("bistro", List.of(new Grant("bad name", "finance",
                "bistro")))).isInstanceOf(InvalidGrants.class);

        assertThat(DefaultGrants.create(database, AuthzSettings.defaults()).stored())
                .containsExactly(new Grant("ann", "auditor", "bistro"));
    }

    private static JdbcDataSource database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
