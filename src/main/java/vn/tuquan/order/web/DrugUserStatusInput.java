package vn.tuquan.order.web;

/** The form that changes a drug user's status, as typed. */
public record DrugUserStatusInput(String status, String since, String note) {}
