package io.flowgate.gateway.tasks;

import io.flowgate.engine.UserTaskView;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.authz.AdminScope;

import java.util.Objects;

/**
 * Who may see and work a task. Candidate groups are roles. A task is the caller's to work when the caller is its
 * assignee, or it is unclaimed and the caller holds one of its candidate groups — always within the caller's tenant
 * (the platform admin works every tenant's tasks). Tasks of another tenant do not exist for the caller. A tenant
 * admin is a user of its tenant here: the inbox is not administration. {@code scope} is the caller's
 * {@link AdminScope}, as the pipeline resolved it.
 */
final class TaskAccess {

    /** What may happen to a task the caller asks about. */
    enum Verdict {
        ALLOWED,
        /** another tenant's task: answer as if it did not exist */
        NOT_FOUND,
        /** the caller holds none of its groups and is not its assignee */
        FORBIDDEN,
        /** the caller could work it, but another user holds it */
        CLAIMED_BY_OTHER
    }

    private TaskAccess() {
    }

    /** Whether the inbox lists the task for the caller. */
    static boolean visible(Caller caller, AdminScope scope, UserTaskView task) {
        return work(caller, scope, task) == Verdict.ALLOWED;
    }

    /**
     * Reading one task: what the inbox would list. The platform admin's inbox lists every tenant's tasks, claimed or
     * not; everyone else's only those {@link #visible} to them.
     */
    static Verdict read(Caller caller, AdminScope scope, UserTaskView task) {
        return scope.platform() ? Verdict.ALLOWED : work(caller, scope, task);
    }

    /** Claiming or completing: the assignee, or a holder of a candidate group while unclaimed. */
    static Verdict work(Caller caller, AdminScope scope, UserTaskView task) {
        if (!sameTenant(caller, scope, task)) {
            return Verdict.NOT_FOUND;
        }
        if (isAssignee(caller, task)) {
            return Verdict.ALLOWED;
        }
        if (!mayWorkUnclaimed(caller, scope, task)) {
            return Verdict.FORBIDDEN;
        }
        return task.assignee() == null ? Verdict.ALLOWED : Verdict.CLAIMED_BY_OTHER;
    }

    /** Unclaiming: the assignee, the platform admin, or a group holder while it is unclaimed (changes nothing). */
    static Verdict release(Caller caller, AdminScope scope, UserTaskView task) {
        Verdict verdict = work(caller, scope, task);
        return verdict == Verdict.CLAIMED_BY_OTHER && scope.platform() ? Verdict.ALLOWED : verdict;
    }

    private static boolean sameTenant(Caller caller, AdminScope scope, UserTaskView task) {
        return scope.platform() || Objects.equals(caller.tenant(), task.tenantId());
    }

    private static boolean isAssignee(Caller caller, UserTaskView task) {
        return caller.subject() != null && caller.subject().equals(task.assignee());
    }

    private static boolean mayWorkUnclaimed(Caller caller, AdminScope scope, UserTaskView task) {
        return scope.platform() || task.candidateGroups().stream().anyMatch(caller::hasRole);
    }
}
