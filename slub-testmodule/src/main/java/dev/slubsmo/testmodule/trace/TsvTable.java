package dev.slubsmo.testmodule.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tab-separated table with a header line, as the project's sysfs snapshots are stored: columns
 * are found by header name, and every error names the source, the line and the column.
 */
final class TsvTable {
  private final String source;
  private final List<String> header;
  private final List<String[]> rows = new ArrayList<>();
  private final List<Integer> lineNumbers = new ArrayList<>();

  private TsvTable(String source, List<String> header) {
    this.source = source;
    this.header = header;
  }

  /** Reads all of {@code in}; {@code source} names it in error messages. */
  static TsvTable read(Reader in, String source) throws IOException {
    BufferedReader lines = new BufferedReader(in);
    String first = lines.readLine();
    if (first == null) {
      throw new IllegalArgumentException(source + ": empty file, expected a header line");
    }
    TsvTable table = new TsvTable(source, Arrays.asList(first.split("\t", -1)));
    int number = 1;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      String[] fields = line.split("\t", -1);
      if (fields.length != table.header.size()) {
        throw table.lineError(
            number,
            "expected " + table.header.size() + " tab-separated fields, found " + fields.length);
      }
      table.rows.add(fields);
      table.lineNumbers.add(number);
    }
    return table;
  }

  /** Index of the column named {@code name}; an error if the header lacks it. */
  int column(String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(
          source + " line 1: header has no column '" + name + "': " + String.join(" ", header));
    }
    return index;
  }

  int rowCount() {
    return rows.size();
  }

  String text(int row, int column) {
    return rows.get(row)[column];
  }

  /** A cache name: neither empty nor {@code -}. */
  String name(int row, int column) {
    String value = text(row, column);
    if (value.isEmpty() || value.equals("-")) {
      throw cellError(row, column, "empty");
    }
    return value;
  }

  /** The non-negative integer in {@code column} of {@code row}. */
  long number(int row, int column) {
    String value = text(row, column);
    if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
      throw cellError(row, column, "not a non-negative integer: '" + value + "'");
    }
    return Long.parseLong(value);
  }

  int smallNumber(int row, int column) {
    long value = number(row, column);
    if (value > Integer.MAX_VALUE) {
      throw cellError(row, column, "out of range: " + value);
    }
    return (int) value;
  }

  /** A {@code 0}/{@code 1} flag column; {@code -} (empty) reads as 0. */
  boolean flag(int row, int column) {
    String value = text(row, column);
    if (value.equals("1")) {
      return true;
    }
    if (value.equals("0") || value.equals("-")) {
      return false;
    }
    throw cellError(row, column, "not a flag (0, 1 or -): '" + value + "'");
  }

  /** An error about the cell at {@code row}, {@code column}, naming the source and line. */
  IllegalArgumentException cellError(int row, int column, String what) {
    return rowError(row, "column '" + header.get(column) + "': " + what);
  }

  /** An error about {@code row}, naming the source and line. */
  IllegalArgumentException rowError(int row, String what) {
    return lineError(lineNumbers.get(row), what);
  }

  private IllegalArgumentException lineError(int line, String what) {
    return new IllegalArgumentException(source + " line " + line + ": " + what);
  }
}
