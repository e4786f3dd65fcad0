# Sourced by the bench scripts: how much CPU time the hypervisor gave to other machines while something ran (the
# "steal" column of /proc/stat), in % of this machine's CPU time. On a shared host it is what spreads tail latencies.
#   steal_mark; ...measure...; echo "steal $(steal_since) %"
steal_ticks() { awk '/^cpu / { print $2+$3+$4+$5+$6+$7+$8+$9, $9 }' /proc/stat; }
steal_mark() { read -r _steal_total _steal_stolen < <(steal_ticks); }
steal_since() { read -r total stolen < <(steal_ticks); awk -v s=$((stolen - _steal_stolen)) -v t=$((total - _steal_total)) 'BEGIN { printf "%.1f", t ? 100 * s / t : 0 }'; }
