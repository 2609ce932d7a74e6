/*
 * own.h: what goldthread may write and remove. It writes only into
 * folders it made, which hold its marker file (GT_MARKER), and beside an
 * output folder only its own entries (".NAME.tmp-PID", ".NAME.prev",
 * ".NAME.cache", ".NAME.list-ID", ".NAME.lock"). They are opened without
 * following links, and a folder without the marker, or of another user,
 * is never removed or written into.
 *
 * Ownership: strings returned are the caller's to free; file descriptors
 * returned are the caller's to close.
 */
#ifndef GT_OWN_H
#define GT_OWN_H

#include <dirent.h>
#include <stddef.h>

/* In every folder goldthread made; its content is the same every build. */
#define GT_MARKER	".goldthread"

/* The folder above dir ("." if none) and dir's own name. */
void	 gt_own_split(const char *dir, char **parent, char **name);
/* "PARENT/.NAME" + suffix for the folder PARENT/NAME. */
char	*gt_own_beside(const char *dir, const char *suffix);

/*
 * A listing of the folder open at fd, from its start whatever was read
 * of it before (a dup() would share its place); for closedir(). NULL if
 * it cannot be read.
 */
DIR	*gt_own_list(int fd);
/* Whether the folder open at fd holds the marker, a file of this user. */
int	 gt_own_marked(int fd);
/*
 * The folder name in dirfd, opened without following a link, if it is
 * goldthread's (this user's, with the marker); else -1 with errno ENOENT
 * (nothing there) or EPERM (something not goldthread's).
 */
int	 gt_own_open(int dirfd, const char *name);
/* Make the folder name in dirfd with the marker in it, open; or -1. */
int	 gt_own_mkdir(int dirfd, const char *name);
/* Put the marker in the folder open at fd (kept if there); 0 or -1. */
int	 gt_own_mark(int fd);
/*
 * Rename from (in fromfd) to to (in tofd), never replacing what is there
 * (-1, EEXIST or ENOTEMPTY); 0 or -1.
 */
int	 gt_own_rename(int fromfd, const char *from, int tofd, const char *to);
/*
 * Remove the folder name in dirfd and all in it, if it is goldthread's;
 * links in it are removed, never followed. The marker goes last, so a
 * removal that stops part way is finished by a later one.
 */
void	 gt_own_rm(int dirfd, const char *name);

/*
 * path made absolute, with every link resolved (its last part too: a
 * link to a folder names that folder); the parts that do not exist yet
 * are taken as written. NULL (errno set) if a link leads nowhere.
 */
char	*gt_own_resolve(const char *path);

/* A folder the output must keep apart from (resolved), and its name. */
struct gt_own_input {
	const char	*path;
	const char	*what;		/* "the content folder ([paths] content)" */
	int		 may_hold;	/* the output may be inside it */
};
/*
 * Whether the output at out (resolved; shown as the user named it; noun
 * "folder" or "file") is apart from every input: not one of them, not
 * inside one (unless it may hold the output), holding none. 0, or -1
 * with the reason printed.
 */
int	 gt_own_apart(const char *out, const char *shown, const char *noun,
	    const struct gt_own_input *, size_t);
/*
 * The lock on the output folder dir (resolved): ".NAME.lock" beside it,
 * held until the descriptor returned is closed. Another build holding
 * it is waited for (said once on stderr), or with wait 0 is an error:
 * -1 with errno EWOULDBLOCK. Other failures: -1, printed.
 */
int	 gt_own_lock(const char *dir, const char *shown, int wait);
/*
 * Make the output folder dir (resolved) the build's, under its lock: one
 * goldthread made, or none yet, is; an empty one gets the marker; one
 * with other contents is refused, or with force moved aside whole to
 * "NAME.orig" (or "NAME.orig.N"), a name goldthread never removes, and
 * the move said. 0, or -1 with the reason printed.
 */
int	 gt_own_adopt(const char *dir, const char *shown, int force);

#endif
