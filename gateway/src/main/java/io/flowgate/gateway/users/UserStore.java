package io.flowgate.gateway.users;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where users live. Keeps one rule itself because only the store can check it atomically across nodes: there is
 * always at least one platform admin (role {@code admin}, no tenant) once one exists.
 */
public interface UserStore {

    Optional<StoredUser> find(String username);

    /** Every user, by username. */
    List<User> list();

    /** @throws UserAlreadyExists when the username is taken */
    void create(StoredUser user);

    /**
     * Replaces the user's password hash, roles, tenant, disabled flag and token generation.
     *
     * @throws UserNotFound      when there is no such user
     * @throws LastPlatformAdmin when it would demote the last platform admin
     */
    default void update(StoredUser user) {
        update(user, current -> true);
    }

    /**
     * Replaces the user's password hash, roles and tenant if the user as stored — read under the same lock as the
     * write — is within the caller's reach, so a user moved to another tenant a moment ago is not taken back.
     *
     * @param inScope whether the caller may change the user as it is stored now
     * @throws UserNotFound      when there is no such user, or it is out of reach
     * @throws LastPlatformAdmin when it would demote the last platform admin
     */
    void update(StoredUser user, Predicate<User> inScope);

    /**
     * Gives the user a new token generation and nothing else, so every token issued before ends.
     *
     * @throws UserNotFound when there is no such user
     */
    void renewTokenGeneration(String username, long generation);

    /**
     * @throws UserNotFound      when there is no such user
     * @throws LastPlatformAdmin when it is the last platform admin
     */
    default void delete(String username) {
        delete(username, current -> true);
    }

    /**
     * Deletes the user if, as stored, it is within the caller's reach (checked under the lock of the delete).
     *
     * @throws UserNotFound      when there is no such user, or it is out of reach
     * @throws LastPlatformAdmin when it is the last platform admin
     */
    void delete(String username, Predicate<User> inScope);

    /**
     * The user's token generation, read for every token whose generation is not cached: empty when there is no such
     * user or it is disabled.
     */
    Optional<Long> tokenGeneration(String username);

    /** Whether any user has the role (any tenant). */
    boolean anyWithRole(String role);
}
