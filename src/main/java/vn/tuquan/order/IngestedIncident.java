package vn.tuquan.order;

/** What an ingest answered: the incident, and whether it was recorded by an earlier request with the same key. */
public record IngestedIncident(Incident incident, boolean replayed) {}
