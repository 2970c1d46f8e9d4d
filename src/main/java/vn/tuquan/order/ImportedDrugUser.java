package vn.tuquan.order;

import java.util.List;

/** One drug user to record in bulk (the demo, an import). */
public record ImportedDrugUser(long residenceUnitId, DrugUser.Form form, List<DrugUser.StatusChange> laterStatuses) {}
