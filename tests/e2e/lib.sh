# Shared by the e2e scripts: run named checks, report each as a JUnit test
# case in $XML_OUTPUT_FILE (so tools/test.sh counts them) and on stdout.
cases=()
failures=0

check() {
  local name=$1
  shift
  local output
  if output=$("$@" 2>&1); then
    echo "PASS: $name"
    cases+=("<testcase name=\"$(xml_escape "$name")\"/>")
  else
    echo "FAIL: $name"
    echo "$output" | sed 's/^/    /' | head -40
    failures=$((failures + 1))
    cases+=("<testcase name=\"$(xml_escape "$name")\"><failure message=\"failed\"/></testcase>")
  fi
}

xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' <<< "$1"; }

# expect_exit CODE CMD...: the command exits with CODE.
expect_exit() {
  local want=$1
  shift
  "$@" > /dev/null 2>&1
  local got=$?
  [ "$got" -eq "$want" ] || { echo "exit $got, want $want: $*"; return 1; }
}

# expect_output CODE TEXT CMD...: exits with CODE and prints TEXT (stdout or stderr).
expect_output() {
  local want=$1 text=$2
  shift 2
  local out
  out=$("$@" 2>&1)
  local got=$?
  [ "$got" -eq "$want" ] || { echo "exit $got, want $want: $*"; echo "$out"; return 1; }
  grep -qF -- "$text" <<< "$out" || { echo "output lacks '$text':"; echo "$out"; return 1; }
}

finish() {
  if [ -n "${XML_OUTPUT_FILE:-}" ]; then
    {
      echo "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      echo "<testsuites><testsuite name=\"$(basename "$0")\" tests=\"${#cases[@]}\" failures=\"$failures\">"
      printf '%s\n' "${cases[@]}"
      echo "</testsuite></testsuites>"
    } > "$XML_OUTPUT_FILE"
  fi
  echo "${#cases[@]} checks, $failures failed"
  [ "$failures" -eq 0 ]
}
