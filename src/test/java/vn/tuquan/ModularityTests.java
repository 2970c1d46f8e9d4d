package vn.tuquan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    final ApplicationModules modules = ApplicationModules.of(TuquanApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }

    /**
     * Every module states the modules it may use in its {@code package-info.java}
     * ({@code @ApplicationModule(allowedDependencies = …)}, ARCHITECTURE.md's layers), so that
     * {@link #modulesKeepTheirBoundaries} fails on a new import across the layers.
     */
    @Test
    void everyModuleDeclaresWhatItMayUse() {
        assertThat(modules.stream()).allSatisfy(module -> {
            ApplicationModule declared = Class.forName(module.getBasePackage().getName() + ".package-info")
                    .getAnnotation(ApplicationModule.class);
            assertThat(declared)
                    .as(module.getIdentifier() + "'s package-info.java")
                    .isNotNull();
            assertThat(declared.allowedDependencies())
                    .as(module.getIdentifier() + "'s allowed dependencies")
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
        });
    }

    @Test
    void theModulesOfArchitectureMdAreTheOnlyOnes() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .isSubsetOf(
                        "shared",
                        "access",
                        "audit",
                        "units",
                        "households",
                        "movement",
                        "order",
                        "evaluation",
                        "statistics",
                        "reports",
                        "citizens",
                        "demo");
    }

    @Test
    void writesTheModuleDiagramToDocs() throws Exception {
        Path output = Path.of("docs", "modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (var diagrams = Files.list(output)) {
            for (Path diagram : diagrams.toList()) {
                if (diagram.toString().endsWith(".puml")) {
                    sortRelations(diagram);
                } else if (diagram.toString().endsWith(".adoc")) {
                    sortCanvasLists(diagram);
                }
            }
        }
        assertThat(Files.readString(output.resolve("components.puml")))
                .contains("\"Access\"")
                .contains("\"Units\"");
    }

    /** Canvas cells list types and events in no fixed order: sort each run of bullets. */
    private static void sortCanvasLists(Path canvas) throws Exception {
        List<String> lines = Files.readAllLines(canvas);
        List<String> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (!lines.get(i).matches("\\|?\\* .*")) {
                out.add(lines.get(i++));
                continue;
            }
            boolean cellStart = lines.get(i).startsWith("|");
            List<String> run = new java.util.ArrayList<>();
            while (i < lines.size()
                    && lines.get(i).matches("\\|?\\* .*")
                    && (run.isEmpty() || !lines.get(i).startsWith("|"))) {
                run.add(lines.get(i).startsWith("|") ? lines.get(i).substring(1) : lines.get(i));
                i++;
            }
            java.util.Collections.sort(run);
            if (cellStart) {
                run.set(0, "|" + run.get(0));
            }
            out.addAll(run);
        }
        Files.write(canvas, out);
    }

    /** The documenter lists relations in no fixed order; sorted, the committed diagram changes only when they do. */
    private static void sortRelations(Path diagram) throws Exception {
        List<String> lines = Files.readAllLines(diagram);
        List<String> relations =
                lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
        Iterator<String> sorted = relations.iterator();
        Files.write(
                diagram,
                lines.stream()
                        .map(l -> l.startsWith("Rel(") ? sorted.next() : l)
                        .toList());
    }
}
