# Common compile settings and the tally_add_library() helper: one library per source folder.

add_compile_options(-Wall -Wextra -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers -fno-omit-frame-pointer
                    -ffp-contract=off)  # no FMA contraction: float results match ClickHouse bit for bit
if(TALLY_ARCH)
  add_compile_options(-march=${TALLY_ARCH})
endif()
set(CMAKE_CXX_FLAGS_RELEASE "-O3 -DNDEBUG")
set(CMAKE_CXX_FLAGS_RELWITHDEBINFO "-O3 -g -DNDEBUG")
set(CMAKE_CXX_FLAGS_DEBUG "-O0 -g")
if(TALLY_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# tally_add_library(name DIR dir [DEPS ...] [REGISTRY])
#   Builds every .cpp under dir (recursively) into a static library. REGISTRY marks libraries
#   whose objects self-register plug-ins through static initialisers: those are linked whole.
function(tally_add_library name)
  cmake_parse_arguments(ARG "REGISTRY" "DIR" "DEPS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${ARG_DIR}/*.cpp)
  list(FILTER sources EXCLUDE REGEX "/tests/")
  if(NOT sources)
    # A folder still without sources: an empty placeholder library keeps the graph intact.
    set(sources ${PROJECT_SOURCE_DIR}/cmake/empty.cpp)
  endif()
  add_library(${name} STATIC ${sources})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/include)
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
  if(TALLY_UNITY)
    set_target_properties(${name} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 12)
  endif()
  if(ARG_REGISTRY)
    set_property(GLOBAL APPEND PROPERTY TALLY_REGISTRY_LIBS ${name})
  endif()
endfunction()

# tally_link_all(target): links every tally library into target, registries whole-archive.
function(tally_link_all target)
  get_property(regs GLOBAL PROPERTY TALLY_REGISTRY_LIBS)
  foreach(lib ${regs})
    # The library arrives transitively (through tally_main); link that occurrence whole.
    set_property(TARGET ${target} PROPERTY LINK_LIBRARY_OVERRIDE_${lib} WHOLE_ARCHIVE)
  endforeach()
  target_link_libraries(${target} PRIVATE tally_main)
endfunction()
