// The pinned Dapr runtime that InvoiceFlow builds daprd, placement, scheduler and sentry from when no
// binaries at this version are installed. No Dapr source lives here: scripts/dapr-runtime copies the
// downloaded module into a cache, trims cmd/daprd/components to runtime/components.txt, and builds.
module github.com/invoiceflow/invoiceflow/runtime

go 1.26.5

require github.com/dapr/dapr v1.18.2

// Repeated from github.com/dapr/dapr v1.18.2's go.mod: replace directives of a dependency do not apply
// to the main module, and the runtime does not build without them.
replace (
	// this is a fork which addresses a performance issues due to go routines
	dubbo.apache.org/dubbo-go/v3 => dubbo.apache.org/dubbo-go/v3 v3.0.3-0.20230118042253-4f159a2b38f3

	gopkg.in/couchbaselabs/gocbconnstr.v1 => github.com/couchbaselabs/gocbconnstr v1.0.5
)
replace (
	github.com/chenzhuoyu/iasm => github.com/chenzhuoyu/iasm v0.9.0
	github.com/chzyer/logex => github.com/chzyer/logex v1.2.1
	github.com/gobwas/pool => github.com/gobwas/pool v0.2.1
	github.com/toolkits/concurrent => github.com/niean/gotools v0.0.0-20151221085310-ff3f51fc5c60
)
