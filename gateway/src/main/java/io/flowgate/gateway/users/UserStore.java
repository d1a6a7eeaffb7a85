package io.flowgate.gateway.users;

import java.util.List;
import java.util.Optional;

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
     * Replaces the user's password hash, roles and tenant.
     *
     * @throws UserNotFound      when there is no such user
     * @throws LastPlatformAdmin when it would demote the last platform admin
     */
    void update(StoredUser user);

    /**
     * @throws UserNotFound      when there is no such user
     * @throws LastPlatformAdmin when it is the last platform admin
     */
    void delete(String username);

    /** Whether any user has the role (any tenant). */
    boolean anyWithRole(String role);
}
