package vn.tuquan.access;

import java.util.Set;
import vn.tuquan.shared.Scope;

/** A person was given roles and scopes (replacing what they had), by someone or by the system. */
public record AccessGranted(long userId, String granter, Set<String> roles, Scope capture, Scope view) {}
