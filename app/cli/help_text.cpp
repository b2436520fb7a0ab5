#include "app/cli/help_text.hpp"

#include <algorithm>

#include "app/cli/run_options.hpp"

namespace lrscope::cli {

bool wantsHelp(const std::vector<std::string>& args) {
    return std::any_of(args.begin(), args.end(),
                       [](const std::string& a) { return a == "--help" || a == "-h"; });
}

std::string mainHelp() {
    std::string text =
        R"(lrscope-cli - train small neural networks and see what the learning rate does

Usage:
  lrscope-cli train [FLAGS]   train one run; one CSV row per epoch
  lrscope-cli sweep [FLAGS]   train optimizers x learning rates concurrently
  lrscope-cli merge FILES...  join runs CSVs or sessions (a sweep's shards) in run order
)";
#ifdef LRSCOPE_WITH_PLOT
    text += "  lrscope-cli plot [FLAGS]    train runs (or read a runs CSV) and render the plot\n";
#endif
    text += R"(  lrscope-cli COMMAND --help  the flags of a command
  lrscope-cli --version

Exit status: 0 success (a diverged run is a result), 2 bad usage or input, 1 internal error.
)";
    return text;
}

std::string trainHelp() {
    return R"(Usage: lrscope-cli train [FLAGS]

Trains one network and prints one CSV row per epoch (epoch 0 is before any update):
  epoch,train_loss,train_error,test_loss,test_error,lr,grad_norm,update_ratio,step_size,lr_changed_to
Empty fields where a value does not apply; numbers in round-trip precision.
With --test-fraction 0 --no-shuffle --no-standardize a CSV is used exactly in file order.

Output:
  --out FILE              write the CSV to FILE (atomically) instead of stdout
  --save-weights FILE     write the trained weights (JSON, PyTorch nn.Linear layout)
  --session-out FILE      write a session (.lrscope) with the run, for the window

)" + runFlagsHelp();
}

std::string sweepHelp() {
    return R"(Usage: lrscope-cli sweep [FLAGS]

Trains every optimizer x learning-rate pair concurrently, each run exactly as `train` would,
and writes one long CSV (one row per run and epoch):
  run,name,optimizer,base_lr,epoch,train_loss,...,lr_changed_to,status,diverged_at
A summary table goes to stderr: per run the final train loss, the best (lowest) train loss
and the best test loss over all recorded epochs, epoch 0 included, and how it ended.

Sweep:
  --optimizer A,B,...     optimizers to compare                            [sgd]
  --lr X,Y,...            learning rates (default: each optimizer's default)
  --lr-range MIN:MAX:N    N log-spaced learning rates from MIN to MAX
  --threads N             concurrent runs                                  [all cores]
  --out FILE              write the CSV to FILE (atomically) instead of stdout
  --session-out FILE      write a session (.lrscope) with every run, for the window
  --summary FILE.json     write one object per run: optimizer, lr, final_train_loss,
                          final_test_loss, best_test_loss, status, diverged_at
  --shard K/N             train only runs K, K+N, K+2N, ... of the sweep (numbered from 1
                          in the order optimizers x rates), with the rows they have in the
                          whole sweep; join the shards' outputs with lrscope-cli merge

)" + runFlagsHelp();
}

std::string mergeHelp() {
    return R"(Usage: lrscope-cli merge FILE... [--out FILE.csv] [--session-out FILE.lrscope]

Joins runs CSVs (sweep --out, Export runs in the window) and sessions (--session-out, File >
Save in the window) in order of run number: the shards of a sweep merge into exactly the
output of the whole sweep. One run number in two files is an error naming both.
  lrscope-cli merge part-*.csv --out all.csv
  lrscope-cli merge s.lrscope --out runs.csv     a session as a runs CSV

  --out FILE              write the runs CSV to FILE (atomically); stdout without it
                          (unless --session-out is given)
  --session-out FILE      write one session; every input must then be a session
)";
}

}  // namespace lrscope::cli
