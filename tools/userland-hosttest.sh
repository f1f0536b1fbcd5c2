#!/bin/sh
#
# tools/userland-hosttest.sh: the shell and the utilities, tested on the
# host.
#
#	tools/userland-hosttest.sh [-v]
#
# bin/sh and the programs of bin/ are portable C (POSIX), so they build
# with the host's cc against its C library too.  This script builds them
# into a temporary directory (with -Werror), puts that directory first on
# PATH, and runs each check: a command line given to our sh, its
# combined standard output and error, and its exit status, against what
# OpenBSD's ksh and utilities would print.  The programs that need this
# kernel (ps, dmesg, init, reboot, halt, hostname's setting) are only
# compiled by the cross build.
#
# -v prints every check, not only the failures.  Ends with
# "userland: N passed, N failed"; exits 0 only if none failed.

set -u
top=$(cd "$(dirname "$0")/.." && pwd)
verbose=0
[ "${1:-}" = "-v" ] && verbose=1

tmp=$(mktemp -d "${TMPDIR:-/tmp}/userland.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
bin=$tmp/bin
work=$tmp/work
mkdir "$bin" "$work"

CC=${CC:-cc}
CFLAGS="-std=gnu11 -O2 -Wall -Wextra -Wno-unused-parameter -Werror ${EXTRA_CFLAGS:-}"
PROGS="cat chmod cp date echo env false grep head kill ln ls mkdir mv pwd
    rm rmdir sleep stat sync test touch true uname wc"

echo "building sh and the utilities with $CC"
$CC $CFLAGS -o "$bin/sh" "$top"/bin/sh/*.c || { echo "sh: build failed"; exit 1; }
for p in $PROGS; do
	$CC $CFLAGS -o "$bin/$p" "$top/bin/$p.c" ||
	    { echo "$p: build failed"; exit 1; }
done
ln -s test "$bin/["

pass=0
fail=0
SH=$bin/sh
export PATH="$bin:/usr/bin:/bin"
export TZ=UTC LC_ALL=C HOME="$work"
ulimit -c 0		# "Segmentation fault", not "(core dumped)"
cd "$work" || exit 1

# check NAME EXPECTED_STATUS EXPECTED_OUTPUT SCRIPT: run SCRIPT with our
# sh -c in a fresh directory; compare status and output (stdout+stderr).
check() {
	name=$1 want_st=$2 want=$3 script=$4
	rm -rf "$work"/* "$work"/.[!.]* 2>/dev/null
	got=$(cd "$work" && "$SH" -c "$script" 2>&1)
	st=$?
	if [ "$st" = "$want_st" ] && [ "$got" = "$want" ]; then
		pass=$((pass + 1))
		[ $verbose -eq 1 ] && echo "ok   $name"
	else
		fail=$((fail + 1))
		echo "FAIL $name"
		echo "  script:   $script"
		echo "  expected: status $want_st, output:"
		printf '%s\n' "$want" | sed 's/^/    | /'
		echo "  got:      status $st, output:"
		printf '%s\n' "$got" | sed 's/^/    | /'
	fi
	return 0
}

# Multi-line expectations.
nl='
'

echo "the shell"
check "echo" 0 "hello world" 'echo hello world'
check "quoting" 0 "a  b|c  d|e f|\$x|\\n" \
    "echo 'a  b'\"|c  d|\"e\\ f'|\$x|\\n'"
check "variables" 0 "hi hithere hi" 'x=hi; echo $x ${x}there "$x"'
check "empty unquoted var is no word" 0 "0 1" \
    'e=; set -- $e; printf "%s " $#; set -- "$e"; echo $#'
check "\$? after false" 0 "1 0" 'false; a=$?; true; echo $a $?'
check "\$\$ is a number" 0 "yes" \
    'case $$ in *[!0-9]*) echo no;; *) echo yes;; esac'
check "positional parameters" 0 "2 a b c" \
    "$SH"' -c '\''echo $# $1 $2 $0'\'' c a b'
check "\$@ and \$*" 0 "<a b><c>${nl}<a b c>" \
    'set -- "a b" c; for i in "$@"; do printf "<%s>" "$i"; done; echo; for i in "$*"; do echo "<$i>"; done'
check "\${x:-default} \${x:=set}" 0 "dflt set set" \
    'unset x; echo ${x:-dflt} ${x:=set} $x'
check "\${#x} and \${x:+alt}" 0 "5 alt" 'x=hello; echo ${#x} ${x:+alt}'
check "arithmetic" 0 "7 1 2 -3" \
    'i=3; echo $((i*2+1)) $((i>2)) $((7%5)) $((-(i)))'
check "command substitution" 0 "sub nested bq" \
    'echo $(echo sub $(echo nested)) `echo bq`'
check "tilde" 0 "$work/x" 'echo ~/x'
check "pipeline" 0 "1" 'echo hello | grep ell | wc -l | (read n; echo $n)'
check "pipeline status is the last's" 0 "1 0" \
    'true | false; a=$?; false | true; echo $a $?'
check "three-stage pipeline" 0 "c" \
    'printf "a\nb\nc\n" | grep -v a | grep c'
check "> and <" 0 "one" 'echo one > f; cat < f'
check ">>" 0 "one${nl}two" 'echo one > f; echo two >> f; cat f'
check "2> file" 0 "ls: nonexist: No such file or directory" \
    'ls nonexist 2> err; cat err'
check "2>&1 into a pipe" 0 "1" 'ls nonexist 2>&1 | wc -l | (read n; echo $n)'
check "redirections in order" 0 "first" \
    'echo gone 2>/dev/null >&2; echo first >&2 2>/dev/null'
check "redirection failure" 1 "sh: cannot open nofile: No such file or directory" \
    'cat < nofile'
check "&& and ||" 0 "yes${nl}and" 'false && echo no || echo yes; true && echo and'
check "; lists" 0 "1${nl}2" 'echo 1; echo 2'
check "! pipeline" 0 "0" '! false; echo $?'
check "background and wait" 0 "started${nl}done" \
    'sleep 0.2 & echo started; wait; echo done'
check "\$! is the background pid" 0 "ok" \
    'sleep 0.1 & p=$!; wait $p && [ "$p" -gt 0 ] && echo ok'
check "command not found" 127 "sh: nosuchcmd: not found" 'nosuchcmd'
check "not executable" 126 "sh: ./f: cannot execute - Permission denied" \
    'echo x > f; chmod 644 f; ./f'
check "no such path" 127 "sh: ./nope: not found" './nope'
check "killed by a signal" 0 "Segmentation fault${nl}139" \
    "$SH"' -c '\''kill -SEGV $$'\''; echo $?'
check "Terminated" 0 "Terminated${nl}143" \
    "$SH"' -c '\''kill $$'\''; echo $?'
check "cd and pwd" 0 "/${nl}$work/d" 'cd /; pwd; cd '"$work"'; mkdir d; cd d; pwd'
check "cd HOME" 0 "$work" 'cd /; cd; pwd'
check "cd - and OLDPWD" 0 "/" 'cd /; cd /tmp; cd - >/dev/null; pwd'
check "cd failure" 1 "sh: cd: /nonexistent - No such file or directory" \
    'cd /nonexistent'
check "export" 0 "FOO=bar" 'export FOO=bar; env | grep "^FOO="'
check "assignment before a command" 0 "FOO=x${nl}unset" \
    'FOO=x env | grep "^FOO="; echo ${FOO:-unset}'
check "unset" 0 "[]" 'x=1; unset x; echo "[$x]"'
check "exit n" 3 "" 'exit 3; echo not'
check "exit status of the script" 1 "" 'false'
check "exec" 0 "replaced" 'exec echo replaced; echo not'
check "exec with redirection only" 0 "in file" \
    'exec 3>f; echo "in file" >&3; exec 3>&-; cat f'
check "if/elif/else" 0 "two" \
    'x=2; if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; else echo other; fi'
check "while and arithmetic" 0 "0 1 2 end" \
    'i=0; while [ $i -lt 3 ]; do printf "%s " $i; i=$((i+1)); done; echo end'
check "until, break, continue" 0 "1 3 end" \
    'i=0; until false; do i=$((i+1)); [ $i = 2 ] && continue; [ $i -gt 3 ] && break; printf "%s " $i; done; echo end'
check "for in" 0 "a-b-c-" 'for v in a b c; do printf "%s-" $v; done; echo'
check "case" 0 "c file${nl}other" \
    'for f in x.c y.h; do case $f in *.c) echo c file;; a|b|*.o) echo o;; *) echo other;; esac; done'
check "functions, return, locals of \$1" 0 "in f a 2${nl}3 top" \
    'set -- top; f() { echo in f $1 $#; return 3; }; f a b; echo $? $1'
check "multi-line script" 0 "x${nl}y" \
    "if true
then
	echo x
fi
for i in y
do echo \$i; done"
check "here-document" 0 "hello $work${nl}  \$HOME" \
    'cat <<EOF
hello $HOME
EOF
cat <<"E"
  $HOME
E'
check "globbing" 0 "a.c b.c${nl}*.none${nl}*.c" \
    'touch a.c b.c x.h; echo *.c; echo *.none; echo "*.c"'
check "glob in a directory, [set]" 0 "d/a1 d/a2" \
    'mkdir d; touch d/a1 d/a2 d/b1; echo d/a[0-9]'
check "read" 0 "first|rest of line" \
    'echo "first rest of line" | { read a b; echo "$a|$b"; }'
check "eval" 0 "42" 'cmd="echo 42"; eval $cmd'
check "shift and set --" 0 "b c 2" 'set -- a b c; shift; echo $@ $#'
check "set and shift inside functions" 0 "f: y z 2${nl}g: 2${nl}top: a b" \
    'set -- a b; f() { set -- x y z; shift; echo "f: $@ $#"; }; g() { shift 2; echo "g: $#"; }; f 1; g 1 2 3 4; echo "top: $@"'
check "script file with arguments" 0 "script.sh 2 x y" \
    'echo '\''echo $0 $# $1 $2'\'' > script.sh; '"$SH"' script.sh x y'
check "syntax error" 2 "sh: syntax error: \`)' unexpected" 'echo a )'
check "unterminated quote" 2 "sh: syntax error: unexpected end of file" \
    'echo "abc'
check "comments" 0 "a" 'echo a # not this'
check "subshell keeps cwd" 0 "/${nl}$work" '(cd /; pwd); pwd'
check "brace group redirection" 0 "1${nl}2" '{ echo 1; echo 2; } > f; cat f'
check "test and [" 0 "t1 t2 t3 t4" \
    'touch f; [ -f f ] && printf "t1 "; test -d . && printf "t2 "; [ "a" != "b" ] && printf "t3 "; [ ! -e nope -a 3 -ge 2 ] && echo t4'
check "-x trace" 0 "+ echo hi${nl}hi" 'set -x; echo hi'
check "stdin script" 0 "from stdin" \
    'echo "echo from stdin" | '"$SH"
check "stdin left for commands" 0 "got line2${nl}got line2" \
    'printf "read x\nline2\necho got \$x\n" > s; '"$SH"' < s; printf "read x\nline2\necho got \$x\n" | '"$SH"
check "interactive: prompts, PS1, PS2" 0 "> P:a${nl}P:> b${nl}P:" \
    'printf "PS1=P:\necho a\nif true\nthen echo b; fi\n" | PS1="> " '"$SH"' -i 2>&1'
check "interactive: job started and done" 0 "[1] N${nl}[1] + Done sleep 0.1" \
    'printf "sleep 0.1 &\nsleep 0.5\n" | PS1= '"$SH"' -i 2>&1 | sed "s/] [0-9][0-9]*\$/] N/"'

echo "the utilities"
check "echo -n" 0 "ab" 'echo -n a; echo b'
check "cat files and -" 0 "1${nl}2${nl}3" \
    'echo 1 > a; echo 3 > c; echo 2 | cat a - c'
check "cat -n" 0 "     1	x${nl}     2	y" 'printf "x\ny\n" | cat -n'
check "cat missing file" 1 "cat: nofile: No such file or directory" \
    'cat nofile'
check "ls" 0 "a${nl}b${nl}c" 'touch c a b; ls'
check "ls -a" 0 ".${nl}..${nl}.h${nl}a" 'touch a .h; ls -a'
check "ls -A and -F" 0 ".h${nl}d/${nl}x*" \
    'touch .h x; mkdir d; chmod 755 x; ls -AF'
check "ls -d" 0 "d" 'mkdir d; touch d/x; ls -d d'
check "ls -l" 0 "-rw-r--r--  1 5 hello" \
    'echo hell > hello; chmod 644 hello; ls -l hello | while read m l u g s rest; do set -- $rest; echo "$m  $l $s $4"; done'
check "ls -l total and dir" 0 "drwxr-xr-x" \
    'mkdir d; chmod 755 d; ls -ld d | { read m rest; echo $m; }'
check "ls -l symlink" 0 "t -> target" \
    'ln -s target t; ls -l t | { read a b c d e f g h rest; echo "$rest"; }'
check "ls files then directories" 0 "f${nl}${nl}d:${nl}x" \
    'mkdir d; touch f d/x; ls d f'
check "ls -1t -r" 0 "new${nl}old" \
    'touch old; sleep 1.1; touch new; ls -1t; ls -1tr >/dev/null'
check "ls missing" 1 "ls: nope: No such file or directory" 'ls nope'
check "pwd" 0 "$work" 'pwd'
check "mkdir -p and rmdir -p" 0 "a/b/c${nl}gone" \
    'mkdir -p a/b/c; ls -d a/b/c; rmdir -p a/b/c; [ ! -e a ] && echo gone'
check "mkdir existing" 1 "mkdir: d: File exists" 'mkdir d; mkdir d'
check "mkdir -m" 0 "drwx------" \
    'mkdir -m 700 d; ls -ld d | { read m rest; echo $m; }'
check "rmdir non-empty" 1 "rmdir: d: Directory not empty" \
    'mkdir d; touch d/f; rmdir d'
check "rm" 0 "" 'touch f; rm f; ls'
check "rm -r" 0 "" 'mkdir -p d/e; touch d/f d/e/g; rm -r d; ls'
check "rm directory without -r" 1 "rm: d: is a directory" 'mkdir d; rm d'
check "rm -f missing" 0 "" 'rm -f nope'
check "rm missing" 1 "rm: nope: No such file or directory" 'rm nope'
check "rm ." 1 "rm: \".\" and \"..\" may not be removed" 'rm -rf .'
check "cp" 0 "data${nl}-rwxr-x---" \
    'echo data > a; chmod 750 a; cp a b; cat b; ls -l b | { read m rest; echo $m; }'
check "cp into a directory" 0 "x" 'echo x > a; mkdir d; cp a d; cat d/a'
check "cp -r" 0 "d2/e/f" 'mkdir -p d/e; touch d/e/f; cp -r d d2; ls d2/e/f'
check "cp directory without -r" 1 "cp: d is a directory (not copied)." \
    'mkdir d; cp d e'
check "mv" 0 "b" 'touch a; mv a b; ls'
check "mv into a directory" 0 "d/a${nl}d/b" \
    'touch a b; mkdir d; mv a b d; ls d/a d/b'
check "ln -s" 0 "link-target" \
    'echo link-target > t; ln -s t s; cat s'
check "ln hard link count" 0 "2" \
    'touch f; ln f g; ls -l f | { read m n rest; echo $n; }'
check "wc" 0 "       2       4      12 f" 'printf "a bb\nccc dd\n" > f; wc f'
check "wc -l -w -c" 0 "       2${nl}       4${nl}      12" \
    'printf "a bb\nccc dd\n" > f; wc -l < f; wc -w < f; wc -c < f'
check "wc total" 0 "       1       1       2 a${nl}       1       1       2 b${nl}       2       2       4 total" \
    'echo a > a; echo b > b; wc a b'
check "head" 0 "1${nl}2" 'printf "1\n2\n3\n" | head -n 2'
check "head -N and two files" 0 "==> a <==${nl}1${nl}${nl}==> b <==${nl}x" \
    'printf "1\n2\n" > a; echo x > b; head -1 a b'
check "grep" 0 "hello world${nl}help" \
    'printf "hello world\nbye\nhelp\n" | grep hel'
check "grep regex . * ^ \$ []" 0 "abc123${nl}a1" \
    'printf "abc123\nxabc\na1\nb2\n" | grep "^a[a-c]*[0-9][0-9]*\$"'
check "grep -v -c -n -i" 0 "3${nl}2:Bye${nl}1:HELLO" \
    'printf "HELLO\nBye\nhi\n" > f; grep -vc hello f; grep -n y f; grep -in hello f'
check "grep -E alternation and +" 0 "ab${nl}abbb${nl}cat" \
    'printf "ab\na\nabbb\ncat\n" | grep -E "ab+|cat"'
check "grep no match" 1 "" 'echo x | grep y'
check "grep file names" 0 "a:x${nl}b:x" 'echo x > a; echo x > b; grep x a b'
check "grep -l -q" 0 "b${nl}0" \
    'echo x > a; echo y > b; grep -l y a b; grep -q y b; echo $?'
check "sleep" 0 "" 'sleep 0.1'
check "sleep bad" 1 "sleep: seconds is invalid: x" 'sleep x'
check "kill -s and -NAME and -NUM" 0 "143 137 138" \
    'sleep 5 & p=$!; kill -s TERM $p; wait $p; a=$?; sleep 5 & p=$!; kill -KILL $p; wait $p; b=$?; sleep 5 & p=$!; kill -10 $p 2>/dev/null || kill -USR1 $p; wait $p; echo $a $b $?'
check "kill -l" 0 "TERM" 'kill -l 143'
check "kill bad pid" 1 "kill: illegal process id: x" 'kill x'
check "date -r" 0 "Thu Jan  1 00:00:00 UTC 1970" 'date -r 0'
check "date +format" 0 "1970-01-02 00:01" 'date -r 86460 "+%Y-%m-%d %H:%M"'
check "uname -s -m" 0 "yes" \
    '[ "$(uname)" = "$(uname -s)" ] && [ -n "$(uname -m)" ] && [ $(uname -a | wc -w) -ge 5 ] && echo yes'
check "true false" 0 "0 1" 'true; a=$?; false; echo $a $?'
check "env -i" 0 "A=1${nl}B=2" 'env -i A=1 B=2 env'
check "env utility not found" 127 "env: nosuch: No such file or directory" \
    'env nosuch'
check "touch" 0 "f" 'touch f; ls'
check "touch -c" 0 "" 'touch -c f; ls'
check "stat -x" 0 "  Size: 3            FileType: Regular File" \
    'echo ab > f; stat -x f | grep Size'
check "stat missing" 1 "stat: nope: No such file or directory" 'stat nope'
check "chmod octal and symbolic" 0 "-rwxr-xr-x${nl}-rw-r-----" \
    'touch f; chmod 755 f; ls -l f | { read m r; echo $m; }; chmod u-x,go=,g+r f; ls -l f | { read m r; echo $m; }'
check "test program" 0 "0 1 2" \
    'test 1 -lt 2; a=$?; '"$bin"'/test a = b; b=$?; '"$bin"'/[ 1 -eq x ] 2>/dev/null; echo $a $b $?'
check "[ needs ]" 2 "[: missing ]" "$bin"'/[ 1 = 1'
check "sync" 0 "" 'sync'

echo "userland: $pass passed, $fail failed"
[ $fail -eq 0 ]
