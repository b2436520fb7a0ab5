#pragma once

#include <string>
#include <vector>

namespace lrscope::cli {

bool wantsHelp(const std::vector<std::string>& args);  // -h or --help anywhere

std::string mainHelp();
std::string trainHelp();
std::string sweepHelp();
std::string lrFindHelp();
std::string landscapeHelp();
std::string predictHelp();
std::string mergeHelp();

}  // namespace lrscope::cli
