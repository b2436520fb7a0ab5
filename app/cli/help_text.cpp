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
  lrscope-cli train [FLAGS]      train one run; one CSV row per epoch
  lrscope-cli sweep [FLAGS]      train optimizers x learning rates concurrently
  lrscope-cli lr-find [FLAGS]    learning-rate range test: loss per rate, suggested rates
  lrscope-cli landscape [FLAGS]  optimizer paths on a 2-D test function
  lrscope-cli predict [FLAGS]    a saved network's outputs for the rows of a CSV file
  lrscope-cli merge FILES...     join runs CSVs or sessions (a sweep's shards) in run order
)";
#ifdef LRSCOPE_WITH_PLOT
    text +=
        "  lrscope-cli plot [FLAGS]       train runs (or read runs or a session) and render the "
        "plot\n"
        "                                 (--boundary: one run's decision boundary)\n";
#endif
    text += R"(  lrscope-cli COMMAND --help     the flags of a command
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
  --save-weights FILE     write the trained weights (JSON, PyTorch nn.Linear layout) with
                          a "model" block (activation, loss, target column, class names,
                          input standardisation) that `lrscope-cli predict` uses
  --session-out FILE      write a session (.lrscope) with the run, for the window
  --save-state FILE       write where the run can go on from (JSON: settings, epoch, weights,
                          optimizer buffers and step count), atomically
  --resume FILE           go on from a --save-state file with the same settings and a larger
                          --epochs: rows after the saved epoch, equal to one longer run

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

std::string lrFindHelp() {
    return R"(Usage: lrscope-cli lr-find [FLAGS]

Learning-rate range test, as fastai's lr_find: one throw-away run from the run's initial
weights. Iteration i = 0..N-1 trains the i-th mini-batch of the run's batches (epoch after
epoch, shuffled per epoch exactly as train shuffles them, or in file order with
--no-shuffle) at the rate lr_i = START * (END / START)^(i / N). It records the batch's mean
loss with the weights before that step, then takes the step (the optimizer's state carries
on as in training). Prints one CSV row per recorded iteration:
  iteration,lr,loss,smoothed_loss
smoothed_loss is the debiased running mean avg_i / (1 - beta^(i+1)), with
avg_i = beta * avg_(i-1) + (1 - beta) * loss_i and avg_(-1) = 0.
The test stops after iteration i when the smoothed loss exceeds STOP times its minimum so
far ("diverged"), or before recording a NaN or Inf loss ("non-finite").

Suggested rates (stderr, and --summary), from the recorded smoothed losses with the first
floor(N / 10) and the last 5 recorded points left out (none if fewer than 2 remain):
  valley   the rate at about two thirds down the longest strictly decreasing run of losses
  steep    the rate where the loss falls fastest per unit of ln(lr)
  minimum  the rate at the lowest loss, divided by 10

Range test:
  --start-lr X            first rate, X > 0                                [1e-7]
  --end-lr X              the rate iteration N would have, X > start       [10]
  --iterations N          mini-batches to train, N >= 1                    [100]
  --smoothing B           beta of the running mean, 0 <= B < 1             [0.98]
  --stop-factor F         stop when smoothed > F x its minimum; 0 = never  [4]
Output:
  --out FILE              write the CSV to FILE (atomically) instead of stdout
  --summary FILE.json     write {"suggestions": {"valley": x, "steep": y, "minimum": z},
                          "recorded": n, "stopped": "completed"|"diverged"|"non-finite"};
                          null suggestions come with a "reason"

Every run flag of train applies except --lr, --schedule, --warmup and --epochs.

)" + runFlagsHelp();
}

std::string landscapeHelp() {
    return R"(Usage: lrscope-cli landscape --function F --optimizer A,B,... --lr X --start X,Y
                             --steps N [FLAGS]

Runs each optimizer on a 2-D test function from the same start, with the same update rules
as training (torch.optim's, applied to the 2-element tensor (x, y)), and writes one CSV row
per optimizer and step (step 0 is the start):
  optimizer,step,x,y,value
A path ends before the first point or value that is not finite (reported on stderr).

Landscape:
  --function F            rosenbrock, beale, himmelblau, booth, saddle, bowl
  --optimizer A,B,...     sgd, momentum, nesterov, adagrad, adadelta, rmsprop, adam, adamw
  --lr X                  learning rate of every optimizer, 0 < X <= 100
  --start X,Y             starting point, e.g. --start -1.5,2
  --steps N               optimizer steps, 1 to 1000000
  --out FILE              write the CSV to FILE (atomically) instead of stdout
Optimizer (PyTorch torch.optim definitions and defaults; a flag must apply to one of them):
)" + optimizerFlagsHelp() +
           R"(Schedule (stepped once per step; step 1 moves at the initial rate):
  --schedule S            constant, step:K:GAMMA, exp:GAMMA, cosine:TMAX[:ETA_MIN]  [constant]
  --warmup N              linear warm-up: step s <= N moves at lr * s / N  [0]
)";
}

std::string predictHelp() {
    return R"(Usage: lrscope-cli predict --weights W.json --data X.csv [FLAGS]

Runs every row of X.csv through the network in W.json and writes one CSV row per data row:
  output_0,...,output_{K-1}                   the raw network outputs, and for cross-entropy
  prob_0,...,prob_{K-1},predicted             softmax probabilities and the arg-max class
`predicted` is the class's name when W.json's "model" block lists class names (as the
training data wrote its labels), else the class index 0..K-1.

W.json's optional "model" block (written by `train --save-weights`) supplies the activation,
the loss, the label column and the input standardisation; without it (a file written from
PyTorch) inputs are used as given, the activation is tanh and the loss cross_entropy for two
or more outputs, mse for one. Flags override the block.

Predict:
  --weights FILE          weights (JSON, PyTorch nn.Linear layout)
  --data FILE.csv         inputs, a CSV file with a header row
  --target COL            the label column to leave out, by name or 0-based index
                          [the model block's target column if the file has it, else none]
  --activation NAME       linear, sigmoid, tanh, relu, leaky_relu (hidden layers)
  --loss NAME             cross_entropy or mse
  --out FILE              write the CSV to FILE (atomically) instead of stdout
)";
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
