const { src, dest } = require('gulp');

/** Copies the shared icons and any node-local SVGs next to the compiled files. */
function buildIcons() {
	src('icons/*.svg').pipe(dest('dist/icons'));
	return src('nodes/**/*.svg').pipe(dest('dist/nodes'));
}

exports['build:icons'] = buildIcons;
