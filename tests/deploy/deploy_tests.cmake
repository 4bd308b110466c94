# Deployment tests (issue 7): the systemd units, the Debian package, kiosk-fetch. Shell scripts,
# each a few seconds at most; exit 77 means a tool is missing and the test is reported as skipped.
set(KIOSK_DEPLOY_TESTS "${CMAKE_CURRENT_LIST_DIR}")
set(KIOSK_UNITS_DIR "${PROJECT_SOURCE_DIR}/systemd")
set(KIOSK_FETCH "${PROJECT_SOURCE_DIR}/kiosk/tools/kiosk-fetch")

add_test(NAME deploy.units.verify
         COMMAND bash ${KIOSK_DEPLOY_TESTS}/units_test.sh verify ${KIOSK_UNITS_DIR}
                 $<TARGET_FILE:kiosk> ${KIOSK_FETCH})
add_test(NAME deploy.units.security
         COMMAND bash ${KIOSK_DEPLOY_TESTS}/units_test.sh security ${KIOSK_UNITS_DIR})
add_test(NAME deploy.units.policy
         COMMAND bash ${KIOSK_DEPLOY_TESTS}/units_test.sh policy ${KIOSK_UNITS_DIR})
add_test(NAME deploy.units.cli
         COMMAND bash ${KIOSK_DEPLOY_TESTS}/units_test.sh cli ${KIOSK_UNITS_DIR} $<TARGET_FILE:kiosk>)
add_test(NAME deploy.deb
         COMMAND bash ${KIOSK_DEPLOY_TESTS}/deb_test.sh ${PROJECT_BINARY_DIR} $<TARGET_FILE:kiosk>
                 ${KIOSK_SYSTEMD_UNITDIR} ${KIOSK_SYSUSERSDIR} ${PROJECT_SOURCE_DIR})
# The .deb installed, upgraded, removed and purged in a throwaway root (skipped where one cannot
# be made): what the maintainer scripts do to /etc/kiosk, /var/lib/kiosk and the units.
add_test(NAME deploy.deb_install
         COMMAND bash ${KIOSK_DEPLOY_TESTS}/deb_test.sh install ${PROJECT_BINARY_DIR})
set_tests_properties(deploy.deb PROPERTIES FIXTURES_SETUP kiosk_deb)
set_tests_properties(deploy.deb_install PROPERTIES FIXTURES_REQUIRED kiosk_deb)
add_test(NAME deploy.fetch
         COMMAND bash ${KIOSK_DEPLOY_TESTS}/kiosk_fetch_test.sh ${KIOSK_FETCH} $<TARGET_FILE:kiosk>)
set_tests_properties(deploy.units.verify deploy.units.security deploy.units.policy
                     deploy.units.cli deploy.deb deploy.deb_install deploy.fetch PROPERTIES LABELS deploy SKIP_RETURN_CODE 77 TIMEOUT 120)

# The config the package installs as /etc/kiosk/kiosk.toml stays one the kiosk accepts.
add_test(NAME deploy.config COMMAND kiosk check-config ${KIOSK_UNITS_DIR}/kiosk.toml)
set_tests_properties(deploy.config PROPERTIES LABELS deploy)

# The real `kiosk run` on Xvfb, talking to a NOTIFY_SOCKET of the test's own.
add_test(NAME deploy.notify_run
         COMMAND sh -c "command -v python3 >/dev/null || { echo 'SKIP: no python3'; exit 77; }; \
                        exec python3 \"$0\" \"$@\""
                 ${KIOSK_DEPLOY_TESTS}/notify_run_test.py $<TARGET_FILE:kiosk> ${PROJECT_SOURCE_DIR})
set_tests_properties(deploy.notify_run PROPERTIES LABELS deploy SKIP_RETURN_CODE 77 TIMEOUT 60)

# A pretalx export from a server on 127.0.0.1, through kiosk-fetch, onto a running screen.
add_test(NAME deploy.fetch_to_screen
         COMMAND python3 ${KIOSK_DEPLOY_TESTS}/fetch_to_screen_test.py $<TARGET_FILE:kiosk>
                 ${KIOSK_FETCH} ${PROJECT_SOURCE_DIR})
set_tests_properties(deploy.fetch_to_screen PROPERTIES LABELS deploy SKIP_RETURN_CODE 77 TIMEOUT 90)

# The README's fleet guide as written: one fleet.toml, its check-config loop, three screens.
add_test(NAME deploy.fleet_guide
         COMMAND python3 ${KIOSK_DEPLOY_TESTS}/fleet_guide_test.py $<TARGET_FILE:kiosk>
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(deploy.fleet_guide PROPERTIES LABELS deploy TIMEOUT 90)
# The screen's picture in its state folder (and at once on SIGUSR2) and its metrics
# file, checked with promtool, on the real binary under Xvfb; and docs/kiosk-alerts.yml, checked
# and unit-tested with promtool. Both skip (77) without promtool, fleet_view also without Xvfb.
add_test(NAME deploy.fleet_view
         COMMAND bash ${KIOSK_DEPLOY_TESTS}/fleet_view_test.sh $<TARGET_FILE:kiosk> ${PROJECT_SOURCE_DIR})
add_test(NAME deploy.alert_rules
         COMMAND bash ${KIOSK_DEPLOY_TESTS}/alerts_test.sh ${PROJECT_SOURCE_DIR})
set_tests_properties(deploy.fleet_view deploy.alert_rules PROPERTIES
                     LABELS deploy SKIP_RETURN_CODE 77 TIMEOUT 90)

# Signals on the real screen: SIGHUP reloads, SIGUSR1/2 and SIGPIPE leave it running, SIGALRM is
# named on stderr before the process ends.
add_test(NAME deploy.signals
         COMMAND python3 ${KIOSK_DEPLOY_TESTS}/signals_test.py $<TARGET_FILE:kiosk>
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(deploy.signals PROPERTIES LABELS deploy TIMEOUT 60)

# The update storm's short form (tests/measure/update-storm.py): the real screen, its clock at
# speed 300, while its program file is replaced 150 times, mostly by broken versions; it stays up,
# its status file always parses and names a program, each good version is on screen within 2 s,
# and memory and open files stay flat after warm-up. A new seed each run, printed for a replay.
# Under AddressSanitizer freed memory waits in quarantine, so only the memory bound is left out.
set(KIOSK_STORM_ARGS "")
if(KIOSK_SANITIZE)
  set(KIOSK_STORM_ARGS --sanitized)
endif()
add_test(NAME deploy.update_storm
         COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/measure/update-storm.py
                 --kiosk $<TARGET_FILE:kiosk> --updates 150 ${KIOSK_STORM_ARGS})
set_tests_properties(deploy.update_storm PROPERTIES LABELS deploy TIMEOUT 120)
