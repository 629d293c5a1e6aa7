// Output format Null: consumes the result and writes nothing.

#include "formats/format.h"

namespace tally {

namespace null_output {

class NullOutputFormat final : public IOutputFormat {
 public:
  NullOutputFormat(WriteBuffer& out, const Block& header, const FormatSettings& settings)
      : IOutputFormat(out, header, settings) {}
  void write(const Block&) override {}
};

}  // namespace null_output

REGISTER_FORMAT(NullOutput) {
  factory.registerOutputFormat("Null", [](WriteBuffer& out, const Block& header, const FormatSettings& settings) {
    return std::make_unique<null_output::NullOutputFormat>(out, header, settings);
  });
}

}  // namespace tally
