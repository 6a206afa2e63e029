package io.dccsim.sim;

/**
 * Measures how long an in-process simulator takes to start (fresh PKI, in-memory repository,
 * loopback port 0) and to answer its first SR 12.1, for the first and later instances in one JVM.
 */
public final class SimulatorStartMeasurement {
  private SimulatorStartMeasurement() {}

  /** Arguments: optional number of starts (default 5). */
  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    for (int i = 1; i <= runs; i++) {
      long t0 = System.nanoTime();
      try (Simulator dcc = Simulator.builder().start()) {
        long started = System.nanoTime();
        String code =
            dcc.newClient()
                .requestWanMatrix(new io.dccsim.core.message.PartialAddress("M22 0RR", "1"))
                .responseCode()
                .code();
        long answered = System.nanoTime();
        System.out.printf(
            "start %d: started in %d ms, first SR 12.1 answered (%s) %d ms later%n",
            i, (started - t0) / 1_000_000, code, (answered - started) / 1_000_000);
      }
    }
  }
}
