export { hover, type HoverResult } from './hover';
