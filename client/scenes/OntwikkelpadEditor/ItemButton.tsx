// Moved to client/components/ListItemButton.tsx; kept here for the imports outside this folder.
export { ItemButton } from '../../components/ListItemButton';
