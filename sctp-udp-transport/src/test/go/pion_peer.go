// pion_peer: a scriptable SCTP peer on pion/sctp (Go, Debian's golang-github-pion-sctp-dev
// 1.8.6), over UDP encapsulation (RFC 6951), for interop tests with an implementation that
// shares no code with usrsctp. pion runs one association over a connected UDP socket, one SCTP
// packet per datagram, with SCTP source and destination port 5000 (fixed in pion 1.8.6).
//
//	pion_peer listen  LOCAL_UDP_PORT REMOTE_UDP_PORT   wait for an INIT (pion's Server)
//	pion_peer connect LOCAL_UDP_PORT REMOTE_UDP_PORT   send an INIT (pion's Client)
//
// Both on 127.0.0.1. Commands on stdin, one per line, each answered with "OK <command>" or
// "ERROR <command>: <why>":
//
//	send STREAM PPID LEN [COUNT] [unordered] [rexmit=N|timed=MS]
//	                       COUNT messages (default 1) of LEN bytes: the message's index in the
//	                       stream's sends as 4 big-endian bytes, then the pattern (i*7+3)&0xff
//	                       of the Java tests; the reliability applies to the stream from then on
//	drain STREAM           answered once nothing sent on STREAM is left unacknowledged or
//	                       unabandoned (pion's BufferedAmount is 0), within 30 s
//	close-stream STREAM    Stream.Close: pion resets the outgoing stream (RFC 6525, 5.1.2)
//	shutdown               graceful shutdown (RFC 9260 9.2), answered once it completed
//	abort [REASON...]      ABORT with a User-Initiated Abort cause carrying REASON
//	stats                  STATS sent=BYTES received=BYTES
//	quit                   close the association and exit
//
// Environment: PION_PEER_ECHO=1 sends every message read back on its stream with its PPID.
//
// Output lines: LISTENING (listen: the UDP socket is bound), READY (the association is up),
// MSG stream=S ppid=P len=L seq=N ok=0|1 (one per message read; seq is the index the message
// carries, ok says whether the rest is the pattern), STREAM_CLOSED stream=S (the peer reset the
// stream: its reads end), CLOSED (the association is gone), OK ..., ERROR ....
//
// Build (GOPATH mode, Debian's sources): GO111MODULE=off GOPATH=/usr/share/gocode go build.
package main

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pion/logging"
	"github.com/pion/sctp"
)

type peer struct {
	out      sync.Mutex
	assoc    *sctp.Association
	streams  sync.Map // uint16 -> *sctp.Stream
	sendSeqs map[uint16]uint32
	echo     bool
}

func (p *peer) emit(format string, args ...interface{}) {
	p.out.Lock()
	defer p.out.Unlock()
	fmt.Printf(format+"\n", args...)
	os.Stdout.Sync()
}

func main() {
	if len(os.Args) != 4 || (os.Args[1] != "listen" && os.Args[1] != "connect") {
		fmt.Fprintln(os.Stderr, "usage: pion_peer listen|connect LOCAL_UDP_PORT REMOTE_UDP_PORT")
		os.Exit(2)
	}
	local, errLocal := strconv.Atoi(os.Args[2])
	remote, errRemote := strconv.Atoi(os.Args[3])
	if errLocal != nil || errRemote != nil {
		fmt.Fprintln(os.Stderr, "ports must be numbers")
		os.Exit(2)
	}
	conn, err := net.DialUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: local},
		&net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: remote})
	if err != nil {
		fmt.Printf("ERROR udp: %v\n", err)
		os.Exit(1)
	}
	p := &peer{sendSeqs: map[uint16]uint32{}, echo: os.Getenv("PION_PEER_ECHO") == "1"}
	config := sctp.Config{NetConn: conn, LoggerFactory: logging.NewDefaultLoggerFactory()}
	p.emit("LISTENING")
	if os.Args[1] == "listen" {
		p.assoc, err = sctp.Server(config)
	} else {
		p.assoc, err = sctp.Client(config)
	}
	if err != nil {
		p.emit("ERROR association: %v", err)
		os.Exit(1)
	}
	p.emit("READY")
	go p.acceptStreams()
	p.commands()
}

// acceptStreams reads every stream the peer sends on; it ends when the association does.
func (p *peer) acceptStreams() {
	for {
		s, err := p.assoc.AcceptStream()
		if err != nil {
			p.emit("CLOSED")
			return
		}
		p.streams.Store(s.StreamIdentifier(), s)
		go p.read(s)
	}
}

func (p *peer) read(s *sctp.Stream) {
	buf := make([]byte, 1<<20)
	for {
		n, ppid, err := s.ReadSCTP(buf)
		if err != nil {
			if errors.Is(err, io.EOF) {
				p.emit("STREAM_CLOSED stream=%d", s.StreamIdentifier())
			}
			return
		}
		seq, ok := check(buf[:n])
		p.emit("MSG stream=%d ppid=%d len=%d seq=%d ok=%d", s.StreamIdentifier(), ppid, n, seq, ok)
		if p.echo {
			if _, err := s.WriteSCTP(append([]byte(nil), buf[:n]...), ppid); err != nil {
				p.emit("ERROR echo: %v", err)
			}
		}
	}
}

// check returns the index a message carries and 1 if the rest of it is the pattern.
func check(m []byte) (uint32, int) {
	if len(m) < 4 {
		return 0, 1
	}
	for i := 4; i < len(m); i++ {
		if m[i] != byte(i*7+3) {
			return binary.BigEndian.Uint32(m), 0
		}
	}
	return binary.BigEndian.Uint32(m), 1
}

func (p *peer) commands() {
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		line := strings.TrimSpace(in.Text())
		if line == "" {
			continue
		}
		fields := strings.Fields(line)
		var err error
		switch fields[0] {
		case "send":
			err = p.send(fields[1:])
		case "close-stream":
			err = p.closeStream(fields[1:])
		case "drain":
			err = p.drain(fields[1:])
		case "shutdown":
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			err = p.assoc.Shutdown(ctx)
			cancel()
		case "abort":
			p.assoc.Abort(strings.Join(fields[1:], " "))
		case "stats":
			p.emit("STATS sent=%d received=%d", p.assoc.BytesSent(), p.assoc.BytesReceived())
		case "quit":
			p.assoc.Close()
			p.emit("OK quit")
			return
		default:
			err = errors.New("unknown command")
		}
		if err != nil {
			p.emit("ERROR %s: %v", fields[0], err)
		} else {
			p.emit("OK %s", fields[0])
		}
	}
	p.assoc.Close()
}

func (p *peer) stream(id uint16, ppid uint32) (*sctp.Stream, error) {
	if s, ok := p.streams.Load(id); ok {
		return s.(*sctp.Stream), nil
	}
	s, err := p.assoc.OpenStream(id, sctp.PayloadProtocolIdentifier(ppid))
	if err != nil {
		return nil, err
	}
	p.streams.Store(id, s)
	go p.read(s)
	return s, nil
}

func (p *peer) send(args []string) error {
	if len(args) < 3 {
		return errors.New("send STREAM PPID LEN [COUNT] [unordered] [rexmit=N|timed=MS]")
	}
	id, err1 := strconv.ParseUint(args[0], 10, 16)
	ppid, err2 := strconv.ParseUint(args[1], 10, 32)
	length, err3 := strconv.Atoi(args[2])
	if err1 != nil || err2 != nil || err3 != nil || length < 1 {
		return errors.New("bad STREAM, PPID or LEN")
	}
	count, unordered, relType, relValue := 1, false, sctp.ReliabilityTypeReliable, uint32(0)
	for _, a := range args[3:] {
		switch {
		case a == "unordered":
			unordered = true
		case strings.HasPrefix(a, "rexmit="), strings.HasPrefix(a, "timed="):
			v, err := strconv.ParseUint(a[strings.Index(a, "=")+1:], 10, 32)
			if err != nil {
				return err
			}
			relType, relValue = sctp.ReliabilityTypeRexmit, uint32(v)
			if strings.HasPrefix(a, "timed=") {
				relType = sctp.ReliabilityTypeTimed
			}
		default:
			n, err := strconv.Atoi(a)
			if err != nil || n < 1 {
				return fmt.Errorf("bad argument %q", a)
			}
			count = n
		}
	}
	s, err := p.stream(uint16(id), uint32(ppid))
	if err != nil {
		return err
	}
	s.SetReliabilityParams(unordered, relType, relValue)
	for i := 0; i < count; i++ {
		m := make([]byte, length)
		for j := 4; j < length; j++ {
			m[j] = byte(j*7 + 3)
		}
		seq := p.sendSeqs[uint16(id)]
		p.sendSeqs[uint16(id)] = seq + 1
		if length >= 4 {
			binary.BigEndian.PutUint32(m, seq)
		}
		if _, err := s.WriteSCTP(m, sctp.PayloadProtocolIdentifier(ppid)); err != nil {
			return err
		}
	}
	return nil
}

func (p *peer) closeStream(args []string) error {
	s, err := p.opened(args)
	if err != nil {
		return err
	}
	return s.Close()
}

// drain polls: pion has no event for a stream whose data is all acknowledged.
func (p *peer) drain(args []string) error {
	s, err := p.opened(args)
	if err != nil {
		return err
	}
	for deadline := time.Now().Add(30 * time.Second); s.BufferedAmount() > 0; {
		if time.Now().After(deadline) {
			return fmt.Errorf("%d bytes still buffered", s.BufferedAmount())
		}
		time.Sleep(5 * time.Millisecond)
	}
	return nil
}

// opened is the stream named by the one argument, which this peer has sent or received on.
func (p *peer) opened(args []string) (*sctp.Stream, error) {
	if len(args) != 1 {
		return nil, errors.New("expected one argument, STREAM")
	}
	id, err := strconv.ParseUint(args[0], 10, 16)
	if err != nil {
		return nil, err
	}
	s, ok := p.streams.Load(uint16(id))
	if !ok {
		return nil, errors.New("no such stream")
	}
	return s.(*sctp.Stream), nil
}
