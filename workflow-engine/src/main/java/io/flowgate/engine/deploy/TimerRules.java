package io.flowgate.engine.deploy;

import org.camunda.bpm.engine.impl.calendar.CronTimer;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.datatype.DatatypeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timer floor: a timer that fires again and again must not fire more often than {@code floor}.
 * <ul>
 *   <li>Timer start events (of the process, not of an event subprocess): their cycle and their duration. Each firing
 *   starts an instance, so one a millisecond starts instances as fast as the node can (77 a second were measured),
 *   until someone stops the flow. Their value is computed once at deploy, without variables, so an expression there
 *   could only hide a literal: it is refused.</li>
 *   <li>Every other cycle (a boundary event's or an event subprocess start's): each firing adds a token to the
 *   instance for as long as it waits, so a short cycle multiplies inside every instance. An expression there is
 *   refused too: its interval could come from a request.</li>
 *   <li>Durations and dates inside an instance are not limited: each fires once per token (a short wait before a
 *   retry is normal), and how many instances there are is the rate limits' business.</li>
 * </ul>
 * Values are read as Camunda reads them: ISO 8601 cycles ({@code R/PT5M}, {@code R3/PT10M}, with a start or end
 * date) and durations ({@code PT5M}), and cron expressions ({@code 0 0/5 * * * ?}, through Camunda's own parser).
 */
final class TimerRules {

    /** Fire times of a cycle looked at for its shortest gap (a cron may fire in bursts: 0-5 * * * * ?). */
    private static final int SAMPLED_FIRINGS = 50;
    /** Camunda's {@code PnW} form ({@code DurationHelper.PnW_PATTERN}). */
    private static final Pattern WEEKS = Pattern.compile("P(\\d+)W");

    private final Duration floor;

    TimerRules(Duration floor) {
        this.floor = floor;
    }

    /** Reasons a {@code bpmn:timerEventDefinition} is refused. */
    List<String> problems(Element timer) {
        List<String> problems = new ArrayList<>();
        if (floor.isZero()) {
            return problems;
        }
        boolean startsInstances = startsInstances(timer);
        for (String kind : List.of("timeCycle", "timeDuration")) {
            Element value = child(timer, kind);
            boolean checked = kind.equals("timeCycle") || startsInstances;
            if (value == null || !checked) {
                continue;
            }
            String text = value.getTextContent() == null ? "" : value.getTextContent().strip();
            check(kind, text, startsInstances, problems);
        }
        return problems;
    }

    private void check(String kind, String text, boolean startsInstances, List<String> problems) {
        String what = (startsInstances ? "the timer start event's " : "the timer's ") + kind + " '" + text + "'";
        if (ExpressionRules.looksLikeExpression(text)) {
            problems.add(what + " is an expression; write the value out (e.g. R/PT5M) so it can be checked "
                    + "against the timer floor of " + describe(floor));
            return;
        }
        Optional<Duration> interval;
        try {
            interval = kind.equals("timeCycle") ? shortestGap(text) : Optional.of(duration(text));
        } catch (Exception e) {
            problems.add(what + " is not an ISO 8601 " + (kind.equals("timeCycle") ? "cycle (R/PT5M) or a cron "
                    + "expression (0 0/5 * * * ?)" : "duration (PT5M)"));
            return;
        }
        if (interval.isPresent() && interval.get().compareTo(floor) < 0) {
            problems.add(what + (kind.equals("timeCycle") ? " fires every " : " fires after ")
                    + describe(interval.get()) + ", more often than the timer floor allows: at least "
                    + describe(floor) + " (FLOWGATE_TIMER_FLOOR)");
        }
    }

    /** A timer start event of the process itself: an event subprocess's start event belongs to an instance. */
    private static boolean startsInstances(Element timer) {
        Node event = timer.getParentNode();
        return event instanceof Element start && "startEvent".equals(start.getLocalName())
                && start.getParentNode() instanceof Element scope && "process".equals(scope.getLocalName());
    }

    /**
     * An ISO 8601 duration as Camunda reads it ({@code PT5M}, {@code P1D}, and {@code P2W}, which the JDK's parser
     * does not know).
     */
    private static Duration duration(String text) throws Exception {
        Matcher weeks = WEEKS.matcher(text);
        if (weeks.matches()) {
            return Duration.ofDays(7L * Long.parseLong(weeks.group(1)));
        }
        return Duration.ofMillis(DatatypeFactory.newInstance().newDuration(text).getTimeInMillis(new Date()));
    }

    /**
     * The shortest gap between successive firings; empty when it fires at most once. ISO cycles are read here
     * rather than by stepping through Camunda's schedule: a start date far in the past with a tiny period would
     * make that loop for hours.
     */
    private static Optional<Duration> shortestGap(String text) throws Exception {
        if (text.startsWith("R")) {
            String[] parts = text.split("/");
            String repeat = parts[0].substring(1);
            if (!repeat.isEmpty() && Integer.parseInt(repeat) < 2) {
                return Optional.empty();
            }
            List<String> periods = java.util.Arrays.stream(parts).skip(1).filter(p -> p.startsWith("P")).toList();
            if (parts.length < 2 || parts.length > 3 || periods.size() != 1) {
                throw new IllegalArgumentException("not a cycle: " + text);
            }
            return Optional.of(duration(periods.get(0)));
        }
        CronTimer cron = CronTimer.parse(text);
        Duration shortest = null;
        Date previous = null;
        Date current = new Date();
        for (int i = 0; i < SAMPLED_FIRINGS && current != null; i++) {
            Date next = cron.getDueDate(current);
            shortest = shorter(shortest, previous, next);
            previous = next;
            current = next;
        }
        return Optional.ofNullable(shortest);
    }

    private static Duration shorter(Duration shortest, Date previous, Date next) {
        if (previous == null || next == null) {
            return shortest;
        }
        Duration gap = Duration.ofMillis(next.getTime() - previous.getTime());
        return shortest == null || gap.compareTo(shortest) < 0 ? gap : shortest;
    }

    static String describe(Duration duration) {
        if (duration.toMillis() < 1000) {
            return duration.toMillis() + " ms";
        }
        if (duration.toMillis() % 60_000 != 0 || duration.toMinutes() < 1) {
            return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
        }
        return duration.toHours() >= 1 && duration.toMinutes() % 60 == 0 ? duration.toHours() + " h"
                : duration.toMinutes() + " min";
    }

    private static Element child(Element element, String localName) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && SafeXml.BPMN_NS.equals(child.getNamespaceURI())
                    && localName.equals(child.getLocalName())) {
                return child;
            }
        }
        return null;
    }
}
