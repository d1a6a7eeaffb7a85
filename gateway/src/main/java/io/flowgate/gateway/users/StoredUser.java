package io.flowgate.gateway.users;

/**
 * A user with its bcrypt password hash, as the {@link UserStore} keeps it.
 *
 * @param user         what the API may show
 * @param passwordHash bcrypt hash string ({@code $2a$…})
 */
public record StoredUser(User user, String passwordHash) {

    @Override
    public String toString() {
        return "StoredUser[" + user + ", passwordHash=***]";
    }
}
