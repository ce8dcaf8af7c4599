"""sections: section numbers as identity: ids, §-links, short routes, index, glossary, print."""
