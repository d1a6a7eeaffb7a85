package io.flowgate.gateway.tasks;

import io.flowgate.engine.UserTaskView;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.authz.AdminScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may work, release and read a task: rows of caller (user, roles, tenant) × task (assignee, tenant) → verdicts.
 */
class TaskAccessTest {

    @ParameterizedTest(name = "{0} [{1}] in {2} → task of {4} assigned to {3}: work {5}, release {6}, read {7}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            bob   | managers       | acme   | -     | acme   | ALLOWED          | ALLOWED          | ALLOWED
            bob   | finance        | acme   | -     | acme   | ALLOWED          | ALLOWED          | ALLOWED
            bob   | waiters        | acme   | -     | acme   | FORBIDDEN        | FORBIDDEN        | FORBIDDEN
            bob   | managers       | globex | -     | acme   | NOT_FOUND        | NOT_FOUND        | NOT_FOUND
            bob   | managers       | -      | -     | acme   | NOT_FOUND        | NOT_FOUND        | NOT_FOUND
            bob   | managers       | acme   | -     | -      | NOT_FOUND        | NOT_FOUND        | NOT_FOUND
            bob   | managers       | -      | -     | -      | ALLOWED          | ALLOWED          | ALLOWED
            bob   | managers       | acme   | bob   | acme   | ALLOWED          | ALLOWED          | ALLOWED
            bob   | waiters        | acme   | bob   | acme   | ALLOWED          | ALLOWED          | ALLOWED
            bob   | managers       | acme   | carol | acme   | CLAIMED_BY_OTHER | CLAIMED_BY_OTHER | CLAIMED_BY_OTHER
            bob   | waiters        | acme   | carol | acme   | FORBIDDEN        | FORBIDDEN        | FORBIDDEN
            bob   | managers       | globex | carol | acme   | NOT_FOUND        | NOT_FOUND        | NOT_FOUND
            root  | admin          | -      | -     | acme   | ALLOWED          | ALLOWED          | ALLOWED
            root  | admin          | -      | carol | acme   | CLAIMED_BY_OTHER | ALLOWED          | ALLOWED
            root  | admin          | acme   | -     | globex | NOT_FOUND        | NOT_FOUND        | NOT_FOUND
            root  | admin          | acme   | -     | acme   | FORBIDDEN        | FORBIDDEN        | FORBIDDEN
            """)
    void decides(String user, String roles, String tenant, String assignee, String taskTenant,
                 TaskAccess.Verdict work, TaskAccess.Verdict release, TaskAccess.Verdict read) {
        Caller caller = new Caller(user, tenant, Arrays.stream(roles.split(" ")).collect(Collectors.toSet()),
                Map.of());
        // the authorizer's decision for token roles: admin in the caller's tenant, platform without one
        AdminScope scope = caller.hasRole("admin") ? AdminScope.adminOf(caller) : AdminScope.NONE;
        UserTaskView task = new UserTaskView("t1", "approve", "Approve", "i1", "expense", null, assignee,
                List.of("managers", "finance"), Instant.now(), taskTenant, "alice", true, List.of());

        assertThat(TaskAccess.work(caller, scope, task)).isEqualTo(work);
        assertThat(TaskAccess.release(caller, scope, task)).isEqualTo(release);
        assertThat(TaskAccess.visible(caller, scope, task)).isEqualTo(work == TaskAccess.Verdict.ALLOWED);
        assertThat(TaskAccess.read(caller, scope, task)).isEqualTo(read);
    }

    @ParameterizedTest
    @CsvSource({"alice,true", "bob,false"})
    void theInitiatorMayNotCompleteASeparatedTask(String user, boolean forbidden) {
        UserTaskView task = new UserTaskView("t1", "approve", "Approve", "i1", "expense", null, null,
                List.of("managers"), Instant.now(), null, "alice", true, List.of());

        assertThat(task.forbidsCompletionBy(new Caller(user, null, Set.of("managers"), Map.of()).subject()))
                .isEqualTo(forbidden);
    }
}
