package vn.tuquan.order;

/** How the incident came to the police's knowledge. */
public enum IncidentSource {
    PATROL,
    TIP_OFF,
    OTHER_AGENCY,
    SELF_REPORTED,
    OTHER
}
