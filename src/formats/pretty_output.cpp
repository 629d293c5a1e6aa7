// Output formats of the Pretty family: Pretty (full grid), PrettyCompact (names in the top
// border, no row separators), PrettySpace (no borders), each also as ...NoEscapes (never
// coloured) and ...MonoBlock (all blocks buffered into one table). Each block is a separate
// table; cells are padded with one space each side; numbers and dates are right-aligned;
// NULL is ᴺᵁᴸᴸ; values are not escaped, and values with line feeds span several lines (↴ ↳).
// Rows are numbered (output_format_pretty_row_numbers); tables of many rows repeat the column
// names at the bottom; a single number above the tip threshold gets " -- 1.23 million".
// After output_format_pretty_max_rows rows the middle of a block is elided and the output
// ends with "Showed N out of M rows.". Small wide tables fall back to the Vertical layout.

#include <cmath>
#include <optional>

#include "columns/column_const.h"
#include "common/exception.h"
#include "formats/display_width.h"
#include "formats/format.h"
#include "formats/output_text.h"
#include "formats/pretty_text.h"
#include "io/write_helpers.h"

namespace tally {

namespace pretty_output {

enum class Style { Full, Compact, Space };

struct Grid {
  // Corner/fill/junction/end pieces of each horizontal line.
  const char* header_begin[4];
  const char* header_end[4];
  const char* rows_separator[4];
  const char* rows_end[4];
  const char* footer_begin[4];
  const char* footer_end[4];
  const char* compact_top[4];
  const char* bold_bar;
  const char* bar;
  const char* horizontal;
  const char* ellipsis;
  const char* line_feed;
  const char* continuation;
};

const Grid utf8_grid = {{"┏", "━", "┳", "┓"}, {"┡", "━", "╇", "┩"}, {"├", "─", "┼", "┤"}, {"└", "─", "┴", "┘"},
                        {"┢", "━", "╈", "┪"}, {"┗", "━", "┻", "┛"}, {"┌", "─", "┬", "┐"}, "┃", "│", "─", "⋯", "↴", "↳"};
const Grid ascii_grid = {{"+", "-", "+", "+"}, {"+", "-", "+", "+"}, {"+", "-", "+", "+"}, {"+", "-", "+", "+"},
                         {"+", "-", "+", "+"}, {"+", "-", "+", "+"}, {"+", "-", "+", "+"}, "|", "|", "-", "~", "\\", ">"};

/// Names longer than this (plus 4) that are not plain identifiers are cut in the middle.
constexpr size_t kNameCutTo = 24;
constexpr size_t kNameCutHysteresis = 4;

bool isPlainIdentifier(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

/// Underlines every third digit before the decimal point of long numbers (colour mode only).
std::string highlightDigitGroups(const std::string& source) {
  if (source.size() <= 4) return source;
  size_t digits = 0;
  for (char c : source) {
    if (c == '-' || c == ' ') continue;
    if (c == '.') break;
    if (c < '0' || c > '9') return source;
    ++digits;
  }
  if (digits <= 4) return source;
  std::string result;
  bool before_decimal = true;
  size_t digit = 0;
  for (char c : source) {
    if (before_decimal && c >= '0' && c <= '9') {
      ++digit;
      size_t offset = digits - digit;
      if (offset && offset % 3 == 0) {
        result += "\033[4m";
        result += c;
        result += "\033[0m";
      } else {
        result += c;
      }
    } else {
      if (c == '.') before_decimal = false;
      result += c;
    }
  }
  return result;
}

/// Red underline for trailing whitespace (colour mode only).
std::string highlightTrailingSpaces(const std::string& source) {
  size_t end = source.size();
  while (end > 0 && (source[end - 1] == ' ' || source[end - 1] == '\t')) --end;
  if (end == source.size()) return source;
  return source.substr(0, end) + "\033[31m\033[4m" + source.substr(end) + "\033[0m";
}

class PrettyOutputFormat final : public IOutputFormat {
 public:
  PrettyOutputFormat(WriteBuffer& out, const Block& header, const FormatSettings& settings, Style style, bool mono_block,
                     bool color)
      : IOutputFormat(out, header, settings),
        style_(style),
        mono_block_(mono_block),
        color_(color),
        grid_(settings.pretty.utf8 ? utf8_grid : ascii_grid) {
    readable_number_tip_ = header_.columns() == 1 && isNumberColumnType(header_[0].type);
  }

  void write(const Block& block) override {
    if (block.rows() == 0) return;
    if (total_rows_ >= settings_.pretty.max_rows) {
      total_rows_ += block.rows();
      return;
    }
    if (mono_block_) {
      appendToMono(block);
      return;
    }
    writeBlock(block);
  }

  void writeTotals(const Block& totals) override {
    flushMono();
    if (!totals.rows()) return;
    total_rows_ = 0;
    out_.write("\nTotals:\n");
    writeBlock(totals);
  }

  void writeExtremes(const Block& min, const Block& max) override {
    flushMono();
    if (!min.rows() || !max.rows()) return;
    total_rows_ = 0;
    out_.write("\nExtremes:\n");
    Block both = min.cloneEmpty();
    for (size_t i = 0; i < both.columns(); ++i) {
      auto column = both[i].type->createColumn();
      column->insertFrom(*materialize(min[i].column), 0);
      column->insertFrom(*materialize(max[i].column), 0);
      both[i].column = std::move(column);
    }
    writeBlock(both);
  }

 protected:
  void writeSuffix() override {
    flushMono();
    if (total_rows_ >= settings_.pretty.max_rows) {
      if (style_ == Style::Space) out_.write('\n');
      out_.write("Showed ");
      writeIntText(displayed_rows_, out_);
      out_.write(" out of ");
      writeIntText(total_rows_, out_);
      out_.write(" rows.\n");
    }
  }

 private:
  void appendToMono(const Block& block) {
    if (!mono_) {
      mono_ = block.cloneEmpty();
      for (size_t i = 0; i < mono_->columns(); ++i) (*mono_)[i].column = (*mono_)[i].type->createColumn();
    }
    for (size_t i = 0; i < block.columns(); ++i) {
      ColumnPtr src = materialize(block[i].column);
      (*mono_)[i].column->assumeMutable()->insertRangeFrom(*src, 0, src->size());
    }
  }

  void flushMono() {
    if (!mono_) return;
    Block block = std::move(*mono_);
    mono_.reset();
    if (block.rows()) writeBlock(block);
  }

  bool cutInTheMiddle(size_t row, size_t num_rows) const {
    size_t max_rows = settings_.pretty.max_rows;
    return num_rows > max_rows && !(row < (max_rows + 1) / 2 || row >= num_rows - max_rows / 2);
  }

  std::string cellText(const Column& column, size_t row, const DataType& type) const {
    return plainText(type, column, row, settings_);
  }

  void writeBlock(const Block& block);
  void writeValueWithPadding(const std::string& value, size_t& offset, size_t value_width, size_t pad_to_width,
                             size_t cut_to_width, bool align_right, bool is_number);
  void writeRepeated(const char* piece, size_t count) {
    for (size_t i = 0; i < count; ++i) out_.write(piece);
  }

  Style style_;
  bool mono_block_;
  bool color_;
  const Grid& grid_;
  bool readable_number_tip_ = false;
  size_t total_rows_ = 0;
  size_t displayed_rows_ = 0;
  size_t row_number_width_ = 0;
  bool use_vertical_ = false;
  size_t vertical_rows_ = 0;
  std::optional<Block> mono_;
};

void PrettyOutputFormat::writeBlock(const Block& block) {
  const auto& pretty = settings_.pretty;
  size_t num_rows = block.rows();
  size_t num_columns = block.columns();
  Columns columns = fullColumns(block);

  size_t cut_to_width = pretty.max_value_width;
  if (num_rows == 1 && num_columns == 1 && total_rows_ == 0) cut_to_width = 0;

  // ---- Widths of the values and names. ----
  row_number_width_ = size_t(std::floor(std::log10(double(num_rows + total_rows_)))) + 3;
  size_t num_displayed = std::min<size_t>(num_rows, pretty.max_rows);
  std::vector<std::vector<size_t>> widths(num_columns, std::vector<size_t>(num_displayed, 0));
  std::vector<size_t> max_widths(num_columns, 0), name_widths(num_columns, 0);
  std::vector<std::string> names(num_columns);
  bool has_newlines = false;
  size_t prefix = row_number_width_ + (style_ == Style::Space ? 1 : 2);
  for (size_t i = 0; i < num_columns; ++i) {
    size_t displayed = 0;
    for (size_t j = 0; j < num_rows && displayed < num_displayed; ++j) {
      if (cutInTheMiddle(j, num_rows)) continue;
      std::string value = cellText(*columns[i], j, *block[i].type);
      if (pretty.max_value_width && value.size() > pretty.max_value_width * 4) value.resize(pretty.max_value_width * 4);
      size_t start = 0;
      while (start < value.size()) {
        size_t end = value.size();
        if (pretty.multiline_fields) {
          size_t nl = value.find('\n', start);
          if (nl != std::string::npos) {
            has_newlines = true;
            end = nl;
          }
        }
        size_t w = displayWidth(std::string_view(value).substr(start, end - start), prefix);
        widths[i][displayed] = std::max(widths[i][displayed], w);
        max_widths[i] = std::max<size_t>(max_widths[i], std::min<size_t>({pretty.max_column_pad_width, pretty.max_value_width, w}));
        start = end;
        if (start < value.size()) ++start;
      }
      ++displayed;
    }
    std::string name = block[i].name;
    size_t name_width = displayWidth(name);
    size_t cut_to = std::max(max_widths[i], kNameCutTo);
    if (name_width > cut_to + kNameCutHysteresis && !isPlainIdentifier(name)) {
      size_t prefix_chars = cut_to / 2;
      size_t suffix_chars = (cut_to - 1) / 2;
      size_t prefix_bytes = bytesBeforeWidth(name, 0, prefix_chars);
      size_t suffix_begin = bytesBeforeWidth(name, 0, name_width - suffix_chars);
      name = name.substr(0, prefix_bytes) + (pretty.utf8 ? "⋯" : "~") + name.substr(suffix_begin);
      name_width = cut_to;
    }
    names[i] = std::move(name);
    name_widths[i] = std::min<size_t>(pretty.max_column_pad_width, name_width);
    max_widths[i] = std::max(max_widths[i], name_widths[i]);
    prefix += max_widths[i] + 3;
  }

  size_t table_width = 0;
  for (size_t w : max_widths) table_width += w;

  if (pretty.fallback_to_vertical && displayed_rows_ == 0 && num_rows <= pretty.fallback_to_vertical_max_rows_per_chunk &&
      num_columns >= pretty.fallback_to_vertical_min_columns &&
      (table_width >= pretty.fallback_to_vertical_min_table_width || has_newlines))
    use_vertical_ = true;

  if (use_vertical_) {
    // The Vertical layout: "Row N:", a rule, "name: value" lines.
    size_t max_name = 0;
    for (const auto& c : block) max_name = std::max(max_name, displayWidth(c.name));
    for (size_t row = 0; row < num_rows && displayed_rows_ < pretty.max_rows; ++row) {
      if (vertical_rows_) out_.write('\n');
      ++vertical_rows_;
      out_.write("Row ");
      writeIntText(vertical_rows_, out_);
      out_.write(":\n");
      writeRepeated("─", size_t(std::log10(double(vertical_rows_ + 1))) + 1 + 5);
      out_.write('\n');
      for (size_t i = 0; i < num_columns; ++i) {
        if (color_) out_.write("\033[1m");
        out_.write(block[i].name);
        out_.write(":");
        if (color_) out_.write("\033[0m");
        out_.write(' ');
        writeRepeated(" ", max_name - displayWidth(block[i].name));
        std::string text = cellText(*columns[i], row, *block[i].type);
        if (pretty.vertical_display_control_characters) text = replaceControlCharacters(text);
        out_.write(text);
        if (isNumberColumnType(block[i].type)) out_.write(readableNumberTip(*columns[i], row, settings_, color_));
        out_.write('\n');
      }
      ++displayed_rows_;
    }
    total_rows_ += num_rows;
    return;
  }

  // ---- Borders. ----
  std::string left_blank = pretty.row_numbers ? std::string(row_number_width_, ' ') : std::string();
  auto make_line = [&](const char* const piece[4]) {
    std::string line = left_blank + piece[0];
    for (size_t i = 0; i < num_columns; ++i) {
      if (i) line += piece[2];
      for (size_t j = 0; j < max_widths[i] + 2; ++j) line += piece[1];
    }
    return line + piece[3] + "\n";
  };
  std::string header_begin, header_end, rows_separator, rows_end, footer_begin, footer_end;
  if (style_ == Style::Full) {
    header_begin = make_line(grid_.header_begin);
    header_end = make_line(grid_.header_end);
    rows_separator = make_line(grid_.rows_separator);
    rows_end = make_line(grid_.rows_end);
    footer_begin = make_line(grid_.footer_begin);
    footer_end = make_line(grid_.footer_end);
  } else if (style_ == Style::Compact) {
    rows_end = make_line(grid_.rows_end);
  } else {
    header_end = "\n";
    footer_begin = "\n";
    footer_end = "\n";
  }

  std::string vertical_filler = left_blank;
  {
    size_t size = 0;
    for (size_t i = 0; i < num_columns; ++i) size += max_widths[i] + 3;
    if (style_ == Style::Space)
      size -= 2;
    else
      size += 1;
    for (size_t i = 0; i < size; ++i) vertical_filler += i % 2 ? " " : grid_.horizontal;
    vertical_filler += "\n";
  }

  auto write_names = [&](bool is_top) {
    out_.write(left_blank);
    const char* const* compact = is_top ? grid_.compact_top : grid_.rows_end;
    if (style_ == Style::Full) {
      out_.write(grid_.bold_bar);
      out_.write(' ');
    } else if (style_ == Style::Compact) {
      out_.write(compact[0]);
      out_.write(grid_.horizontal);
    } else {
      out_.write(' ');
    }
    for (size_t i = 0; i < num_columns; ++i) {
      if (i) {
        if (style_ == Style::Full) {
          out_.write(' ');
          out_.write(grid_.bold_bar);
          out_.write(' ');
        } else if (style_ == Style::Compact) {
          out_.write(grid_.horizontal);
          out_.write(compact[2]);
          out_.write(grid_.horizontal);
        } else {
          out_.write("   ");
        }
      }
      auto write_name = [&] {
        if (color_) out_.write("\033[1m");
        out_.write(names[i]);
        if (color_) out_.write("\033[0m");
      };
      size_t padding = max_widths[i] > name_widths[i] ? max_widths[i] - name_widths[i] : 0;
      const char* pad = style_ == Style::Compact ? grid_.horizontal : " ";
      if (block[i].type->shouldAlignRightInPrettyFormats()) {
        writeRepeated(pad, padding);
        write_name();
      } else {
        write_name();
        writeRepeated(pad, padding);
      }
    }
    if (style_ == Style::Full) {
      out_.write(' ');
      out_.write(grid_.bold_bar);
    } else if (style_ == Style::Compact) {
      out_.write(grid_.horizontal);
      out_.write(compact[3]);
    }
    out_.write('\n');
  };

  out_.write(header_begin);
  write_names(true);
  out_.write(header_end);

  // ---- Rows. ----
  bool filler_written = false;
  size_t displayed_row = 0;
  std::vector<std::string> values(num_columns);
  std::vector<size_t> offsets(num_columns);
  std::vector<bool> is_number(num_columns);
  for (size_t j = 0; j < num_columns; ++j) is_number[j] = isNumberColumnType(block[j].type);
  for (size_t i = 0; i < num_rows && displayed_rows_ < pretty.max_rows; ++i) {
    if (cutInTheMiddle(i, num_rows)) {
      if (!filler_written) {
        out_.write(rows_separator);
        out_.write(vertical_filler);
        filler_written = true;
      }
      continue;
    }
    if (i != 0) out_.write(rows_separator);
    for (size_t j = 0; j < num_columns; ++j) {
      values[j] = cellText(*columns[j], i, *block[j].type);
      offsets[j] = 0;
    }
    bool first_line = true;
    while (true) {
      if (pretty.row_numbers) {
        if (first_line) {
          std::string number = std::to_string(i + 1 + total_rows_) + ". ";
          if (number.size() < row_number_width_) writeRepeated(" ", row_number_width_ - number.size());
          if (color_) out_.write("\033[90m");
          out_.write(number);
          if (color_) out_.write("\033[0m");
        } else {
          out_.write(left_blank);
        }
      }
      first_line = false;
      bool all_printed = true;
      for (size_t j = 0; j < num_columns; ++j) {
        if (style_ != Style::Space)
          out_.write(grid_.bar);
        else if (j != 0)
          out_.write(' ');
        writeValueWithPadding(values[j], offsets[j], widths[j][displayed_row], max_widths[j], cut_to_width,
                              block[j].type->shouldAlignRightInPrettyFormats(), is_number[j]);
        if (offsets[j] != values[j].size()) all_printed = false;
      }
      if (style_ != Style::Space) out_.write(grid_.bar);
      if (readable_number_tip_ && num_rows == 1 && num_columns == 1)
        out_.write(readableNumberTip(*columns[0], 0, settings_, color_));
      out_.write('\n');
      if (all_printed) break;
    }
    ++displayed_row;
    ++displayed_rows_;
  }

  if (pretty.display_footer_column_names && num_rows >= pretty.footer_min_rows) {
    out_.write(footer_begin);
    write_names(false);
    out_.write(footer_end);
  } else {
    out_.write(rows_end);
  }
  total_rows_ += num_rows;
}

void PrettyOutputFormat::writeValueWithPadding(const std::string& value, size_t& offset, size_t value_width,
                                               size_t pad_to_width, size_t cut_to_width, bool align_right,
                                               bool is_number) {
  const auto& pretty = settings_.pretty;
  size_t prefix = row_number_width_ + (style_ == Style::Space ? 1 : 2);
  bool is_continuation = offset > 0 && offset < value.size();
  std::string fragment;
  if (offset == value.size()) {
    value_width = 0;
  } else if (pretty.multiline_fields) {
    size_t nl = value.find('\n', offset);
    size_t end = nl == std::string::npos ? value.size() : nl;
    fragment = value.substr(offset, end - offset);
    value_width = displayWidth(fragment, prefix);
    offset = end;
  } else {
    fragment = value;
    offset = value.size();
  }

  if (color_ && is_number) fragment = highlightDigitGroups(fragment);
  if (color_) fragment = highlightTrailingSpaces(fragment);

  bool is_cut = false;
  if (cut_to_width && value_width > cut_to_width) {
    is_cut = true;
    fragment.resize(bytesBeforeWidth(fragment, prefix, pretty.max_value_width));
    if (color_) fragment += "\033[31;1m";
    fragment += grid_.ellipsis;
    if (color_) fragment += "\033[0m";
    value_width = pretty.max_value_width;
  }

  if (is_continuation) {
    if (color_) out_.write("\033[90m");
    out_.write(grid_.continuation);
    if (color_) out_.write("\033[0m");
  } else {
    out_.write(' ');
  }
  size_t padding = pad_to_width > value_width ? pad_to_width - value_width : 0;
  if (align_right) {
    writeRepeated(" ", padding);
    out_.write(fragment);
  } else {
    out_.write(fragment);
    writeRepeated(" ", padding);
  }
  if (offset != value.size()) {
    if (color_) out_.write("\033[90m");
    out_.write(grid_.line_feed);
    if (color_) out_.write("\033[0m");
  } else if (!is_cut) {
    out_.write(' ');
  }
  if (offset < value.size()) ++offset;
}

}  // namespace pretty_output

REGISTER_FORMAT(PrettyOutput) {
  using pretty_output::PrettyOutputFormat;
  using pretty_output::Style;
  for (Style style : {Style::Full, Style::Compact, Style::Space}) {
    for (bool no_escapes : {false, true}) {
      for (bool mono_block : {false, true}) {
        std::string name = "Pretty";
        if (style == Style::Compact) name += "Compact";
        if (style == Style::Space) name += "Space";
        if (no_escapes) name += "NoEscapes";
        if (mono_block) name += "MonoBlock";
        factory.registerOutputFormat(
            name, [style, no_escapes, mono_block](WriteBuffer& out, const Block& header, const FormatSettings& settings) {
              bool color = !no_escapes && settings.pretty.color;
              return std::make_unique<PrettyOutputFormat>(out, header, settings, style, mono_block, color);
            });
      }
    }
  }
}

}  // namespace tally
