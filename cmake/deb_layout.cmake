# Run by CPack (CPACK_PRE_BUILD_SCRIPTS) on the staged files of the .deb, before it is packed:
# Debian's places and habits, where `cmake --install` keeps the upstream layout.
# - zsh on Debian looks in /usr/share/zsh/vendor-completions, not share/zsh/site-functions;
# - man pages are compressed with gzip -9n (Debian policy 12.1).
file(GLOB_RECURSE staged_zsh "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/_limber")  # recursive: any folder
foreach(file ${staged_zsh})
  get_filename_component(site ${file} DIRECTORY)
  get_filename_component(zsh ${site} DIRECTORY)
  file(MAKE_DIRECTORY ${zsh}/vendor-completions)
  file(RENAME ${file} ${zsh}/vendor-completions/_limber)
  file(REMOVE_RECURSE ${site})
endforeach()
file(GLOB_RECURSE staged_man "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.1")
foreach(page ${staged_man})
  execute_process(COMMAND gzip -9n ${page} RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "gzip ${page} failed")
  endif()
endforeach()
