package io.flowgate.gateway.users;

/**
 * A user with what only the server sees, as the {@link UserStore} keeps it.
 *
 * @param user            what the API may show
 * @param passwordHash    bcrypt hash string ({@code $2a$…})
 * @param tokenGeneration carried in the user's tokens; a new one ends every token issued before it
 */
public record StoredUser(User user, String passwordHash, long tokenGeneration) {

    @Override
    public String toString() {
        return "StoredUser[" + user + ", passwordHash=***, tokenGeneration=" + tokenGeneration + "]";
    }
}
