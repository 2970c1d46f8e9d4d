package vn.tuquan.order.web;

/** The form that ends a re-education case, as typed. */
public record ReEducationEndInput(String endedOn, String outcome) {}
