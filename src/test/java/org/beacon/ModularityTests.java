package org.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies the module boundaries and writes the module diagram the README shows. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(BeaconApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesModuleDiagramsIntoTarget() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		assertThat(Path.of("target/spring-modulith-docs/components.puml")).exists();
	}

	/** The README embeds this Mermaid graph; a module added or a dependency changed makes it stale. */
	@Test
	void readmeShowsTheCurrentModuleDiagram() throws IOException {
		String diagram = mermaid();
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/modules.mmd"), diagram);
		assertThat(Files.readString(Path.of("README.md")))
				.as("README's module diagram is stale: replace it with target/modules.mmd")
				.contains(diagram);
	}

	static String mermaid() {
		String nodes = MODULES.stream().map(m -> m.getIdentifier().toString()).filter(id -> !id.equals("shared"))
				.sorted().map(id -> "    " + id).collect(Collectors.joining("\n"));
		String edges = MODULES.stream()
				.sorted(java.util.Comparator.comparing(m -> m.getIdentifier().toString()))
				.flatMap(module -> module.getDirectDependencies(MODULES).uniqueModules()
						.map(ApplicationModule::getIdentifier).map(Object::toString).distinct().sorted()
						.filter(target -> !target.equals("shared"))
						.map(target -> "    " + module.getIdentifier() + " --> " + target))
				.collect(Collectors.joining("\n"));
		return "```mermaid\ngraph LR\n" + nodes + "\n" + edges + "\n```\n";
	}
}
