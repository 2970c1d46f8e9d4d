package vn.tuquan.shared;

/**
 * What a person may do. Roles are sets of permissions, kept as data (table {@code role_permission});
 * code asks for permissions, never for roles.
 */
public enum Permission {
    UNITS_READ,
    UNITS_WRITE,
    UNITS_IMPORT,
    MOVEMENT_READ,
    MOVEMENT_WRITE,
    ORDER_READ,
    ORDER_WRITE,
    EVALUATION_READ,
    EVALUATION_WRITE,
    EVALUATION_APPROVE,
    REPORTS_READ,
    TIPOFFS_HANDLE,
    USERS_MANAGE,
    SENSITIVE_READ,
    AUDIT_READ
}
