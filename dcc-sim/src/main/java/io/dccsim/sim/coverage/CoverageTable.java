package io.dccsim.sim.coverage;

import io.dccsim.core.value.Postcode;
import io.dccsim.sim.coverage.internal.KeyedAnswerTable;
import io.dccsim.sim.coverage.internal.PostcodeKey;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Coverage data supplied by the user: postcode or UPRN to one or more region answers, loaded from
 * CSV or JSON (formats in the simulator documentation). Compact enough for the whole of GB: keys
 * are packed into sorted {@code long} arrays searched by bisection, and identical answers are
 * stored once.
 *
 * <p>A partial-address question is answered by its postcode (the address identifier is not used);
 * an invalid postcode is {@link CoverageAnswer.InvalidPostcode}; a key the table does not hold is
 * given to the fallback model ({@link CoverageAnswer.NotFound} by default). Immutable.
 */
public final class CoverageTable implements CoverageModel {

  private static final CoverageModel NOT_FOUND = q -> new CoverageAnswer.NotFound();

  private final KeyedAnswerTable postcodes;
  private final KeyedAnswerTable uprns;
  private final CoverageModel fallback;

  private CoverageTable(
      KeyedAnswerTable postcodes, KeyedAnswerTable uprns, CoverageModel fallback) {
    this.postcodes = postcodes;
    this.uprns = uprns;
    this.fallback = fallback;
  }

  /** A builder for tables made in code. */
  public static Builder builder() {
    return new Builder();
  }

  /** Loads a {@code .csv} or {@code .json} file (chosen by the file name's extension). */
  public static CoverageTable load(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (name.endsWith(".csv")) {
        return CoverageCsv.read(reader, file.toString());
      } else if (name.endsWith(".json")) {
        return CoverageJson.read(reader, file.toString());
      }
    }
    throw new CoverageFileException(file.toString(), 0, "expected a .csv or .json file");
  }

  /** Reads the CSV format; {@code source} names the input in error messages. */
  public static CoverageTable readCsv(Reader reader, String source) throws IOException {
    return CoverageCsv.read(reader, source);
  }

  /** Reads the JSON format; {@code source} names the input in error messages. */
  public static CoverageTable readJson(Reader reader, String source) throws IOException {
    return CoverageJson.read(reader, source);
  }

  /** The same data, asking {@code fallback} about keys the table does not hold. */
  public CoverageTable withFallback(CoverageModel fallback) {
    return new CoverageTable(postcodes, uprns, Objects.requireNonNull(fallback, "fallback"));
  }

  @Override
  public CoverageAnswer answer(CoverageQuestion question) {
    Optional<CoverageAnswer.Regions> found;
    if (question instanceof CoverageQuestion.ByAddress byAddress) {
      Optional<Postcode> postcode = PostcodeKey.parse(byAddress.postcode());
      if (postcode.isEmpty()) {
        return new CoverageAnswer.InvalidPostcode();
      }
      found = postcodes.find(PostcodeKey.pack(postcode.get()));
    } else {
      found = uprns.find(((CoverageQuestion.ByUprn) question).uprn());
    }
    return found.<CoverageAnswer>map(r -> r).orElseGet(() -> fallback.answer(question));
  }

  /** How many postcodes the table holds. */
  public int postcodeCount() {
    return postcodes.size();
  }

  /** How many UPRNs the table holds. */
  public int uprnCount() {
    return uprns.size();
  }

  /** How many distinct region-answer lists the table stores. */
  public int distinctAnswerLists() {
    return postcodes.distinctAnswerLists() + uprns.distinctAnswerLists();
  }

  /** Collects rows; rows with the same key become one answer with several regions. */
  public static final class Builder {
    private final KeyedAnswerTable.Builder postcodes = new KeyedAnswerTable.Builder();
    private final KeyedAnswerTable.Builder uprns = new KeyedAnswerTable.Builder();

    private Builder() {}

    /** Adds a region answer for a postcode. */
    public Builder add(Postcode postcode, RegionAnswer answer) {
      postcodes.add(PostcodeKey.pack(postcode), answer);
      return this;
    }

    /** Adds a region answer for a UPRN. */
    public Builder add(long uprn, RegionAnswer answer) {
      new CoverageQuestion.ByUprn(uprn); // validates the range
      uprns.add(uprn, answer);
      return this;
    }

    /** The table (keys not held: not found). */
    public CoverageTable build() {
      return new CoverageTable(postcodes.build(), uprns.build(), NOT_FOUND);
    }
  }
}
