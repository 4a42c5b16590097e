# Writes OUTPUT: a C++ file holding every SOURCE_DIR/NNN_name.sql as limber::migrations().
file(GLOB files RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/*.sql)
list(SORT files)
set(body "")
foreach(name IN LISTS files)
  if(NOT name MATCHES "^([0-9][0-9][0-9])_[a-z0-9_]+\\.sql$")
    message(FATAL_ERROR "migration file name must be NNN_name.sql: ${name}")
  endif()
  math(EXPR number "${CMAKE_MATCH_1}")
  file(READ ${SOURCE_DIR}/${name} sql)
  string(APPEND body "    {${number}, \"${name}\", R\"limber_sql(${sql})limber_sql\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp
"// Generated from schemas/*.sql by cmake/embed_migrations.cmake; do not edit.
#include \"migrations.hpp\"

namespace limber {

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all = {
${body}    };
    return all;
}

}  // namespace limber
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
