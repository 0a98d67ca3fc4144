// GNU readline needs stdio.h before its own headers.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
