package vn.tuquan.order;

import java.util.List;

/**
 * A person read sensitive records of the order registers (drug users, re-education cases, the
 * parties of mediations, the persons linked to an incident): published for every such read, the
 * audit log records who read which records and which fields (never the values).
 *
 * @param ids    the records read (one for a record's page, several for a list or an export)
 * @param unitId the unit the read was made under
 */
public record PersonRecordsRead(String entityType, List<Long> ids, long unitId, List<String> fields) {

    public PersonRecordsRead {
        ids = List.copyOf(ids);
        fields = List.copyOf(fields);
    }
}
