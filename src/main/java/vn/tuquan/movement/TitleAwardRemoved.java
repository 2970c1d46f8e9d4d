package vn.tuquan.movement;

/**
 * A mistaken award was removed. Published inside the removing transaction so the audit log records
 * what was removed (the award as it was) with the removal.
 */
public record TitleAwardRemoved(Title.Award award) {}
