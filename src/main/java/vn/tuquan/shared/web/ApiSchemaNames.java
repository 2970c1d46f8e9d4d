package vn.tuquan.shared.web;

import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.swagger.v3.core.util.Json31;

/**
 * The names of the API's schemas: a type nested in another is named with the types around it
 * ({@code Camera.Form}, {@code Hotspot.Form}, {@code IncidentsApi.Imported}), so that records with
 * the same simple name in different classes get a schema each instead of being merged into one
 * {@code Form}. Top-level types keep their simple name ({@code Camera}).
 *
 * <p>swagger-core (under springdoc) takes a type's schema name from Jackson's root name when it has
 * one, before its own naming; {@link #install()} gives nested types of Tuquan that root name on
 * the mapper swagger-core reads types with (OpenAPI 3.1). Nothing else reads root names there: the
 * mapper does not wrap values in them.
 */
final class ApiSchemaNames {

    private static final String OURS = "vn.tuquan.";

    private ApiSchemaNames() {}

    /** The schema name of one of Tuquan's types, or null for the default (the simple name). */
    static String of(Class<?> type) {
        if (!type.getName().startsWith(OURS)
                || type.getEnclosingClass() == null
                || type.isAnonymousClass()
                || type.isLocalClass()
                || type.getTypeParameters().length > 0) {
            return null;
        }
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            name.insert(0, outer.getSimpleName() + ".");
        }
        return name.toString();
    }

    /** Adds the naming to swagger-core's mapper; once per JVM (Jackson ignores a second registration). */
    static void install() {
        Json31.mapper().registerModule(new SimpleModule("tuquan-schema-names") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.appendAnnotationIntrospector(new NestedTypeNames());
            }
        });
    }

    private static final class NestedTypeNames extends NopAnnotationIntrospector {

        @Override
        public PropertyName findRootName(AnnotatedClass type) {
            String name = of(type.getRawType());
            return name == null ? null : PropertyName.construct(name);
        }
    }
}
