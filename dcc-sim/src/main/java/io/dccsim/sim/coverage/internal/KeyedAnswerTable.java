package io.dccsim.sim.coverage.internal;

import io.dccsim.sim.coverage.CoverageAnswer;
import io.dccsim.sim.coverage.RegionAnswer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keys (non-negative, below 2^40) to lists of region answers: a sorted {@code long[]} of keys, a
 * parallel {@code int[]} of indexes into a table of distinct answer lists. Immutable once built.
 */
public final class KeyedAnswerTable {
  private static final int ANSWER_BITS = 23;
  private static final long MAX_KEY = (1L << 40) - 1;

  private final long[] keys;
  private final int[] lists;
  private final CoverageAnswer.Regions[] answers;

  private KeyedAnswerTable(long[] keys, int[] lists, CoverageAnswer.Regions[] answers) {
    this.keys = keys;
    this.lists = lists;
    this.answers = answers;
  }

  /** The answer for a key, if held. */
  public Optional<CoverageAnswer.Regions> find(long key) {
    int i = Arrays.binarySearch(keys, key);
    return i < 0 ? Optional.empty() : Optional.of(answers[lists[i]]);
  }

  /** How many keys. */
  public int size() {
    return keys.length;
  }

  /** How many distinct answer lists. */
  public int distinctAnswerLists() {
    return answers.length;
  }

  /** Collects (key, answer) rows in any order. Not thread-safe. */
  public static final class Builder {
    private final Map<RegionAnswer, Integer> answerIds = new HashMap<>();
    private final List<RegionAnswer> answersById = new ArrayList<>();
    private long[] rows = new long[1024];
    private int rowCount;

    /** Adds one row. */
    public void add(long key, RegionAnswer answer) {
      if (key < 0 || key > MAX_KEY) {
        throw new IllegalArgumentException("Key out of range: " + key);
      }
      Integer id = answerIds.get(answer);
      if (id == null) {
        id = answersById.size();
        if (id >= 1 << ANSWER_BITS) {
          throw new IllegalArgumentException(
              "More than " + (1 << ANSWER_BITS) + " distinct region answers");
        }
        answerIds.put(answer, id);
        answersById.add(answer);
      }
      if (rowCount == rows.length) {
        rows = Arrays.copyOf(rows, rows.length * 2);
      }
      // Key and answer id share one long, so one primitive sort groups the rows by key.
      rows[rowCount++] = (key << ANSWER_BITS) | id;
    }

    /** The table. Within a key, regions are in the order their answers were first seen. */
    public KeyedAnswerTable build() {
      long[] sorted = Arrays.copyOf(rows, rowCount);
      Arrays.sort(sorted);
      long[] keys = new long[rowCount];
      int[] lists = new int[rowCount];
      Map<List<Integer>, Integer> listIds = new HashMap<>();
      List<CoverageAnswer.Regions> listsById = new ArrayList<>();
      int keyCount = 0;
      int i = 0;
      List<Integer> group = new ArrayList<>(4);
      while (i < rowCount) {
        long key = sorted[i] >>> ANSWER_BITS;
        group.clear();
        while (i < rowCount && (sorted[i] >>> ANSWER_BITS) == key) {
          int id = (int) (sorted[i] & ((1 << ANSWER_BITS) - 1));
          if (group.isEmpty() || group.get(group.size() - 1) != id) {
            group.add(id);
          }
          i++;
        }
        Integer listId = listIds.get(group);
        if (listId == null) {
          listId = listsById.size();
          List<Integer> frozen = List.copyOf(group);
          listIds.put(frozen, listId);
          listsById.add(new CoverageAnswer.Regions(frozen.stream().map(answersById::get).toList()));
        }
        keys[keyCount] = key;
        lists[keyCount] = listId;
        keyCount++;
      }
      return new KeyedAnswerTable(
          Arrays.copyOf(keys, keyCount),
          Arrays.copyOf(lists, keyCount),
          listsById.toArray(new CoverageAnswer.Regions[0]));
    }
  }
}
