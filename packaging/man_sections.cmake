# Writes a help2man include file with one section per command: the text of `trygg help CMD`.
# cmake -DTRYGG=path/to/trygg -DOUT=commands.h2m -P man_sections.cmake
set(commands run batch compare sensitivity report export places validate schema short2008)
set(text "")
foreach(command IN LISTS commands)
  execute_process(COMMAND ${TRYGG} help ${command} OUTPUT_VARIABLE help RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "trygg help ${command} failed (${status})")
  endif()
  # roff: a line starting with a dot or an apostrophe would be a request; backslashes escape.
  string(REPLACE "\\" "\\e" help "${help}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
  string(TOUPPER "${command}" title)
  string(APPEND text "[COMMAND ${title}]\n.nf\n${help}.fi\n\n")
endforeach()
string(APPEND text "[FILES]\n.nf\n"
  "Relative paths of shipped files (configs/borlange.yaml, scenarios/, validation/) are looked up\n"
  "in the working directory first, then in the installation's share/trygg beside bin/trygg.\n"
  ".fi\n")
file(WRITE ${OUT} "${text}")
