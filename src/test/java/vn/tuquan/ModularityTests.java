package vn.tuquan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    final ApplicationModules modules = ApplicationModules.of(TuquanApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theModulesOfArchitectureMdAreTheOnlyOnes() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .isSubsetOf("shared", "access", "audit", "units", "households", "movement", "order", "evaluation",
                        "reporting", "citizens", "demo");
    }

    @Test
    void writesTheModuleDiagramToDocs() throws Exception {
        Path output = Path.of("docs", "modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (var diagrams = Files.list(output)) {
            for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
                sortRelations(diagram);
            }
        }
        assertThat(Files.readString(output.resolve("components.puml"))).contains("\"Access\"").contains("\"Units\"");
    }

    /** The documenter lists relations in no fixed order; sorted, the committed diagram changes only when they do. */
    private static void sortRelations(Path diagram) throws Exception {
        List<String> lines = Files.readAllLines(diagram);
        List<String> relations = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
        Iterator<String> sorted = relations.iterator();
        Files.write(diagram, lines.stream().map(l -> l.startsWith("Rel(") ? sorted.next() : l).toList());
    }
}
