package vn.tuquan.access;

/** The id of a person who can sign in (the {@code users} table's key). */
public record UserId(long value) {}
