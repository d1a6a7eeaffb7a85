package io.flowgate.gateway.users;

/**
 * A user whose password was checked ({@link UserDirectory#authenticate}), with what its token must carry.
 *
 * @param user            the user
 * @param tokenGeneration the user's current token generation (claim {@code gen} of the token)
 */
public record Login(User user, long tokenGeneration) {
}
