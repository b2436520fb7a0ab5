# `cpack -G DEB` in a build folder makes lrscope_VERSION_ARCH.deb of what `cmake --install`
# installs (under /usr). Its dependencies come from the shared libraries the executables
# link (dpkg-shlibdeps, from dpkg-dev; CPack also needs `file`). Libraries lrscope loads at
# run time without linking them go in LRSCOPE_PACKAGE_EXTRA_DEPENDS, since shlibdeps cannot
# see them.
# OpenBLAS is one of them once core loads it with dlopen (so that OPENBLAS_CORETYPE can be
# set first); naming it while core still links it only repeats what shlibdeps finds.
set(LRSCOPE_PACKAGE_EXTRA_DEPENDS "libopenblas0" CACHE STRING
    "Debian packages the .deb depends on beyond those of its linked libraries")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lrscope)
set(CPACK_PACKAGE_VENDOR lrscope)
set(CPACK_PACKAGE_CONTACT "lrscope developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "see what the learning rate does to training, live")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}
 lrscope trains small neural networks with optimizers that follow PyTorch's
 torch.optim exactly (double precision) and plots their error curves while they
 train, one colour per run, so that a learning rate that is too low, too high or
 just right can be seen side by side. lrscope-cli runs the same engine headless.")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${LRSCOPE_PACKAGE_EXTRA_DEPENDS}")
include(CPack)
