//! A tree of folders being written (a new generation, the staging folder) or read (the old
//! output) while a site is published, with the folders most used held open: each file is then
//! created, opened or linked with one call on a single name in its folder, instead of its whole
//! path being resolved again from the root (a 10,000-page site has 50,000 files up to seven
//! folders deep, and re-resolving them was a tenth of a build).
//!
//! Every folder is made or opened one name at a time beneath its parent, held open, with
//! `O_NOFOLLOW | O_DIRECTORY` (see [`super::beneath`]): a link or file put in the way of a folder
//! is an error, never followed, and a folder held open stays the folder that was made even if
//! something is renamed over its name afterwards. At most [`HELD`] folders are held per tree (a
//! site has a folder per page; descriptors are limited to 1,024 on many systems): when that many
//! are open, all are let go and opened again as they are needed.

use std::collections::HashMap;
use std::io;
use std::sync::{Arc, Mutex};

use super::beneath::Folder;
use crate::sync::lock;

/// How many folders of a tree are held open at most.
const HELD: usize = 256;

/// The root of a tree and the folders under it held open (by path relative to the root).
pub(super) struct Tree {
    root: Arc<Folder>,
    /// Whether missing folders are made (a tree being written) or an error (one being read).
    make: bool,
    held: Mutex<HashMap<String, Arc<Folder>>>,
}

impl Tree {
    /// A tree whose missing folders are made as files are put in it.
    pub(super) fn written(root: Folder) -> Tree {
        Tree::new(root, true)
    }

    /// A tree that is only read: a missing folder is an error.
    pub(super) fn read(root: Folder) -> Tree {
        Tree::new(root, false)
    }

    fn new(root: Folder, make: bool) -> Tree {
        Tree {
            root: Arc::new(root),
            make,
            held: Mutex::default(),
        }
    }

    /// The folder at the root of the tree.
    pub(super) fn root(&self) -> &Folder {
        &self.root
    }

    /// The folder that holds the file `rel` (made if missing, in a tree being written) and the
    /// file's own name in it.
    pub(super) fn folder_of<'a>(&self, rel: &'a str) -> io::Result<(Arc<Folder>, &'a str)> {
        match rel.rsplit_once('/') {
            Some((folder, name)) => Ok((self.folder(folder)?, name)),
            None => Ok((Arc::clone(&self.root), rel)),
        }
    }

    /// The folder `rel` of the tree, held open; made (with the folders above it) if missing in
    /// a tree being written.
    pub(super) fn folder(&self, rel: &str) -> io::Result<Arc<Folder>> {
        if let Some(folder) = lock(&self.held).get(rel) {
            return Ok(Arc::clone(folder));
        }
        // Opened without holding the lock: two threads may open the same folder at once, which
        // is harmless (making a folder that is there is not an error here).
        let (parent, name) = match rel.rsplit_once('/') {
            Some((above, name)) => (self.folder(above)?, name),
            None => (Arc::clone(&self.root), rel),
        };
        let folder = Arc::new(if self.make {
            parent.create_folders(name)?
        } else {
            parent.open_folder(name)?
        });
        let mut held = lock(&self.held);
        if held.len() >= HELD {
            held.clear();
        }
        held.insert(rel.to_string(), Arc::clone(&folder));
        Ok(folder)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::unix::fs::symlink;

    #[test]
    fn files_go_into_folders_made_once_and_held() {
        let dir = tempfile::tempdir().unwrap();
        let tree = Tree::written(Folder::open(dir.path()).unwrap());
        for i in 0..HELD + 10 {
            let rel = format!("a/b/{i}/index.html");
            let (folder, name) = tree.folder_of(&rel).unwrap();
            assert_eq!(name, "index.html");
            folder
                .create_file(name)
                .unwrap()
                .write_all(i.to_string().as_bytes())
                .unwrap();
        }
        assert!(lock(&tree.held).len() <= HELD);
        let (top, name) = tree.folder_of("top.html").unwrap();
        top.create_file(name).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a/b/7/index.html")).unwrap(),
            "7"
        );
        assert!(dir.path().join("top.html").is_file());
        let read = Tree::read(Folder::open(dir.path()).unwrap());
        assert!(read.folder("a/b/3").is_ok());
        assert!(
            read.folder("a/missing").is_err(),
            "a tree read makes nothing"
        );
        assert!(!dir.path().join("a/missing").exists());
    }

    #[test]
    fn a_link_or_file_in_the_way_of_a_folder_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("tree")).unwrap();
        std::fs::create_dir_all(dir.path().join("outside")).unwrap();
        symlink(dir.path().join("outside"), dir.path().join("tree/link")).unwrap();
        std::fs::write(dir.path().join("tree/file"), "x").unwrap();
        for make in [true, false] {
            let tree = Tree::new(Folder::open(&dir.path().join("tree")).unwrap(), make);
            assert!(tree.folder_of("link/index.html").is_err());
            assert!(tree.folder_of("link/a/index.html").is_err());
            assert!(tree.folder_of("file/index.html").is_err());
            assert!(tree.folder("..").is_err());
            assert!(tree.folder("a/../..").is_err());
        }
        assert!(std::fs::read_dir(dir.path().join("outside"))
            .unwrap()
            .next()
            .is_none());
    }

    #[test]
    fn a_folder_held_open_stays_the_one_made_when_a_link_takes_its_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("tree")).unwrap();
        std::fs::create_dir_all(dir.path().join("outside")).unwrap();
        let tree = Tree::written(Folder::open(&dir.path().join("tree")).unwrap());
        tree.folder_of("a/b/one.html").unwrap();
        std::fs::rename(dir.path().join("tree/a/b"), dir.path().join("tree/moved")).unwrap();
        symlink(dir.path().join("outside"), dir.path().join("tree/a/b")).unwrap();
        let (folder, name) = tree.folder_of("a/b/two.html").unwrap();
        folder.create_file(name).unwrap();
        assert!(dir.path().join("tree/moved/two.html").is_file());
        lock(&tree.held).clear();
        assert!(
            tree.folder_of("a/b/three.html").is_err(),
            "opened again: refused"
        );
        assert!(std::fs::read_dir(dir.path().join("outside"))
            .unwrap()
            .next()
            .is_none());
    }
}
