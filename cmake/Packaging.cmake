# Installation and the Debian package: `cmake --install` puts the two
# executables in bin, the desktop entry and the icon where desktops find
# them; `cpack` (in a Release build) makes hoststand_<version>_<arch>.deb.

include(GNUInstallDirs)

install(TARGETS hoststand-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(HOSTSTAND_BUILD_GUI)
    install(TARGETS hoststand RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    install(FILES ${PROJECT_SOURCE_DIR}/resources/hoststand.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/hoststand.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hoststand)
set(CPACK_PACKAGE_VENDOR "Hoststand")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Hoststand maintainers <maintainers@hoststand.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# The synopsis is the project's description; these lines follow it.
set(CPACK_PACKAGE_DESCRIPTION
    "Hoststand shows the day as a time-slot grid and a floor plan for booking
parties, seating walk-ins and following every table through the evening,
with an event log and a printable day sheet. Every change is an event in
an append-only store, a local SQLite file or a shared PostgreSQL database,
so several terminals work on one book. hoststand-cli issues the same
commands from scripts.")
# The libraries the executables link (Qt, simdjson) come from dpkg-shlibdeps,
# which build-essential brings; Qt's SQL drivers and the SVG plugins are
# loaded at run time, so they are named.
find_program(HOSTSTAND_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(HOSTSTAND_DPKG_SHLIBDEPS)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6widgets6, libqt6printsupport6, libqt6svg6, libqt6network6, libqt6sql6-sqlite, libqt6sql6-psql")
include(CPack)
