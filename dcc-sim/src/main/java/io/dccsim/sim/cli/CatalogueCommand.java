package io.dccsim.sim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.message.ServiceCatalogue;
import io.dccsim.sim.catalogue.CatalogueListing;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dccsim catalogue}: prints the DUIS 5.4 service catalogue the simulator checks against. */
@Command(
    name = "catalogue",
    mixinStandardHelpOptions = true,
    description = {
      "Prints every DUIS 5.4 Service Reference Variant the simulator knows: its name, command",
      "variants, criticality, target, web service, eligible User Roles and whether it is",
      "simulated beyond the envelope checks."
    })
public final class CatalogueCommand implements Callable<Integer> {

  /** The two forms of the listing. */
  public enum Format {
    /** A table for a terminal. */
    table,
    /** The document {@code GET /control/catalogue} serves. */
    json
  }

  @Spec private CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE})")
  private Format format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ServiceCatalogue catalogue = ServiceCatalogue.duis54();
    if (format == Format.json) {
      out.println(
          new ObjectMapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(CatalogueListing.json(catalogue)));
    } else {
      out.print(CatalogueListing.table(catalogue));
    }
    out.flush();
    return 0;
  }
}
