// pion_tsctp: a throughput sender/receiver on pion/sctp (Go, Debian's golang-github-pion-sctp-dev
// 1.8.6) for side-by-side comparisons with our stack, in the manner of bench/usrsctp/fair_tsctp.c.
// pion runs one association over a connected UDP socket, one SCTP packet per datagram: on the
// wire this is RFC 6951 encapsulation (SCTP ports 5000/5000, fixed in pion 1.8.6). Both ends must
// be this program.
//
// The fair settings, as for fair_tsctp: no debug output (pion's default logger factory, which
// logs errors only), UDP socket buffers of 4 MiB (SetReadBuffer/SetWriteBuffer; Linux caps them
// at net.core.rmem_max/wmem_max), and pion's own receive window (1 MiB): with a 4 MiB window
// pion 1.8.6's receiver, which re-sorts its out-of-order queue for every chunk, falls behind on
// 100-byte messages once a few datagrams are dropped and crawls (fixed upstream after 1.8.6).
// Messages go on stream 0, ordered and reliable.
//
// pion's WriteSCTP never blocks: it queues without bound. The sender therefore flow-controls as
// WebRTC applications do: once the stream's BufferedAmount (bytes queued or in flight, not yet
// acknowledged) would pass a high-water mark of 4 MiB, it waits for OnBufferedAmountLow, which
// fires when the amount falls to the low threshold of 2 MiB. After the count or the time it
// sends one end marker (a 1-byte message with its own PPID on the same ordered stream, so it
// arrives after all data), waits until BufferedAmount is 0 (everything acknowledged) and closes.
// It does not use pion's Shutdown: pion 1.8.6's SHUTDOWN carries a wrong Cumulative TSN Ack.
//
// Output lines match usrsctp's tsctp (and ours), so the bench script parses all of them alike:
//
//	sender:   "Sending of N messages of length L took S seconds."
//	          "Throughput was X Byte/sec."
//	receiver: "len, msgs, recvcalls, bytes, seconds, rate, notifications" values, one CSV line:
//	          counted from the first data message to the end marker (which is not counted);
//	          rate is the goodput in Byte/sec; notifications is always 0.
//
// The receiver then lingers up to 3 s, so that the marker's SACK goes out, and exits.
//
// Usage: pion_tsctp -E LOCAL_UDP -U REMOTE_UDP [-l LEN] [-n MSGS | -T SECONDS] [ADDRESS]
// Without ADDRESS it receives (pion's Server) on 127.0.0.1:LOCAL_UDP, connected to
// 127.0.0.1:REMOTE_UDP; with one it sends (pion's Client) from 127.0.0.1:LOCAL_UDP to
// ADDRESS:REMOTE_UDP.
//
// Build (GOPATH mode, Debian's sources, offline):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o pion_tsctp pion_tsctp.go
package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/pion/logging"
	"github.com/pion/sctp"
)

const (
	bufferBytes    = 4 * 1024 * 1024 // UDP socket buffers
	highWater      = 4 * 1024 * 1024 // the sender waits before BufferedAmount would pass this
	lowWater       = 2 * 1024 * 1024 // ... until it falls to this
	maxLength      = 65536           // pion's default maximum message size
	dataPPID       = sctp.PayloadProtocolIdentifier(0)
	endPPID        = sctp.PayloadProtocolIdentifier(1)
	stallTimeout   = 30 * time.Second // give up when BufferedAmount has not moved for this long
	receiverLinger = 3 * time.Second
)

func main() {
	local := flag.Int("E", 9899, "local UDP encapsulation port")
	remote := flag.Int("U", 9899, "remote UDP encapsulation port")
	length := flag.Int("l", 1024, "message length")
	count := flag.Int64("n", 1024, "number of messages sent (0: until -T ends)")
	seconds := flag.Int("T", 0, "time to send messages, in seconds (sets -n to 0)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: pion_tsctp -E LOCAL_UDP -U REMOTE_UDP [-l LEN] [-n MSGS | -T SECONDS] [ADDRESS]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *seconds > 0 {
		*count = 0
	}
	if *length < 1 || *length > maxLength {
		fmt.Fprintf(os.Stderr, "pion_tsctp: length must be in 1..%d\n", maxLength)
		os.Exit(2)
	}
	if flag.NArg() > 1 {
		flag.Usage()
		os.Exit(2)
	}
	remoteIP := net.IPv4(127, 0, 0, 1)
	if flag.NArg() == 1 {
		if remoteIP = net.ParseIP(flag.Arg(0)).To4(); remoteIP == nil {
			fmt.Fprintf(os.Stderr, "pion_tsctp: not an IPv4 address: %s\n", flag.Arg(0))
			os.Exit(2)
		}
	}
	conn, err := net.DialUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: *local},
		&net.UDPAddr{IP: remoteIP, Port: *remote})
	if err == nil {
		err = conn.SetReadBuffer(bufferBytes)
	}
	if err == nil {
		err = conn.SetWriteBuffer(bufferBytes)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "pion_tsctp: udp: %v\n", err)
		os.Exit(1)
	}
	config := sctp.Config{NetConn: conn,
		LoggerFactory: logging.NewDefaultLoggerFactory()}
	if flag.NArg() == 0 {
		err = receive(config)
	} else {
		err = send(config, *length, *count, time.Duration(*seconds)*time.Second)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "pion_tsctp: %v\n", err)
		os.Exit(1)
	}
}

func receive(config sctp.Config) error {
	a, err := sctp.Server(config)
	if err != nil {
		return fmt.Errorf("association: %w", err)
	}
	s, err := a.AcceptStream()
	if err != nil {
		return fmt.Errorf("accept: %w", err)
	}
	buf := make([]byte, maxLength)
	var messages, bytes, lastLength int64
	var first time.Time
	for {
		n, ppid, err := s.ReadSCTP(buf)
		if err != nil {
			return fmt.Errorf("read after %d messages: %w", messages, err)
		}
		if ppid == endPPID {
			break
		}
		if messages == 0 {
			first = time.Now()
		}
		messages++
		bytes += int64(n)
		lastLength = int64(n)
	}
	elapsed := 0.0
	if messages > 0 {
		elapsed = time.Since(first).Seconds()
	}
	rate := 0.0
	if elapsed > 0 {
		rate = float64(bytes) / elapsed
	}
	// pion returns whole messages, so there are as many receive calls as messages.
	fmt.Printf("%d, %d, %d, %d, %f, %f, %d\n", lastLength, messages, messages, bytes, elapsed, rate, 0)
	_ = os.Stdout.Sync()

	// The marker's SACK may be delayed (200 ms) or, if lost, the marker retransmitted: stay a
	// while, or until the association ends.
	done := make(chan struct{})
	go func() {
		for {
			if _, _, err := s.ReadSCTP(buf); err != nil {
				close(done)
				return
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(receiverLinger):
	}
	return a.Close()
}

func send(config sctp.Config, length int, count int64, duration time.Duration) error {
	a, err := sctp.Client(config)
	if err != nil {
		return fmt.Errorf("association: %w", err)
	}
	s, err := a.OpenStream(0, dataPPID)
	if err != nil {
		return fmt.Errorf("open stream: %w", err)
	}
	low := make(chan struct{}, 1)
	s.SetBufferedAmountLowThreshold(lowWater)
	s.OnBufferedAmountLow(func() {
		select { // called on pion's read loop: never block it
		case low <- struct{}{}:
		default:
		}
	})
	payload := make([]byte, length)
	start := time.Now()
	deadline := start.Add(duration)
	var sent int64
	for (count == 0 || sent < count) && (duration == 0 || time.Now().Before(deadline)) {
		if s.BufferedAmount()+uint64(length) > highWater {
			if err := waitBelow(s, low, lowWater); err != nil {
				return err
			}
		}
		if _, err := s.WriteSCTP(payload, dataPPID); err != nil {
			return fmt.Errorf("write after %d messages: %w", sent, err)
		}
		sent++
	}
	// The time counts until everything, the end marker included, is acknowledged.
	s.SetBufferedAmountLowThreshold(0)
	if _, err := s.WriteSCTP([]byte{0}, endPPID); err != nil {
		return fmt.Errorf("end marker: %w", err)
	}
	if err := waitBelow(s, low, 0); err != nil {
		return err
	}
	elapsed := time.Since(start).Seconds()
	closeErr := a.Close()
	fmt.Printf("Sending of %d messages of length %d took %f seconds.\n", sent, length, elapsed)
	fmt.Printf("Throughput was %f Byte/sec.\n", float64(sent)*float64(length)/elapsed)
	if closeErr != nil && !errors.Is(closeErr, net.ErrClosed) {
		return fmt.Errorf("close: %w", closeErr)
	}
	return nil
}

// waitBelow returns once the stream's BufferedAmount is at most limit. OnBufferedAmountLow
// signals the crossing of the low threshold; a stale signal only costs one more look, and the
// periodic look guards against a crossing that happened before the wait began.
func waitBelow(s *sctp.Stream, low <-chan struct{}, limit uint64) error {
	last, since := s.BufferedAmount(), time.Now()
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		amount := s.BufferedAmount()
		if amount <= limit {
			return nil
		}
		if amount != last {
			last, since = amount, time.Now()
		} else if time.Since(since) > stallTimeout {
			return fmt.Errorf("stalled: %d bytes unacknowledged for %v", amount, stallTimeout)
		}
		if !timer.Stop() {
			select {
			case <-timer.C:
			default:
			}
		}
		timer.Reset(100 * time.Millisecond)
		select {
		case <-low:
		case <-timer.C:
		}
	}
}
