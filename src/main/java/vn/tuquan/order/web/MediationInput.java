package vn.tuquan.order.web;

/** The form that records a mediation, as typed. */
public record MediationInput(String heldOn, String parties, String subject, String outcome, String mediator) {}
